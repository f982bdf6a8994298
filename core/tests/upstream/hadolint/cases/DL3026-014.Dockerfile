RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar

