COPY --from=trusted.com/repo/image:tag /foo /bar

