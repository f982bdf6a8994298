FROM scratch as build
RUN foo
FROM node
COPY --from=0 foo .

