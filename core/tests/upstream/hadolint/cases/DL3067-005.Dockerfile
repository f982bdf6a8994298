COPY --from=build / /app
