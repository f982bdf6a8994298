COPY --from=haskell:latest bar .
