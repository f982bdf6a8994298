FROM haskell:9.4 AS build
RUN apt-get update && apt-get install -y libpq-dev && apt-get clean
WORKDIR /opt/app
COPY stack.yaml package.yaml ./
RUN stack build --only-dependencies
COPY . .
RUN stack install --local-bin-path /opt/bin

FROM ubuntu:22.04
RUN apt-get update \
  && apt-get install -y --no-install-recommends libpq5 ca-certificates netbase \
  && apt-get clean \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/bin/app /usr/local/bin/app
CMD ["app"]
