COPY --from=0 bar .
