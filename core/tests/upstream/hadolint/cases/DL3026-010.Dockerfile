COPY --from=untrusted.com/repo/image:tag /foo /bar

