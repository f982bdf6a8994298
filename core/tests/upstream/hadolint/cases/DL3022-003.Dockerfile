FROM scratch as build
RUN foo
FROM node
COPY --from=build foo .
RUN baz

