COPY --from=build / /
