RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar

