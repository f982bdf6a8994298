COPY --from=foo bar .
