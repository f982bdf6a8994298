RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar

