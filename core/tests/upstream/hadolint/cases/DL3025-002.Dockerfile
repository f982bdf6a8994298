FROM scratch as build
ENTRYPOINT ["foo", "bar"]

