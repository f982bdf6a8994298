FROM scratch
COPY --from=build foo .
FROM node as build
RUN baz

