RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar

