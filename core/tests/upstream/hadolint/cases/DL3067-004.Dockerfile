COPY --from=build /app /
