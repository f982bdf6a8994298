### catches: a stage name with upper-case letters
FROM golang:1.23 AS Builder
RUN go build ./...
FROM alpine:3.20
COPY --from=Builder /app /app
### passes: lower-case and unnamed stages
FROM golang:1.23 AS builder
FROM alpine:3.20
COPY --from=builder /app /app
### catches: a stage the target does not build (marked so: BuildKit checks every stage's name)
FROM alpine:3.20 AS Unused
FROM alpine:3.20 AS final
### catches: the same stage when all stages are checked
#> all-stages
FROM alpine:3.20 AS Unused
FROM alpine:3.20 AS final
