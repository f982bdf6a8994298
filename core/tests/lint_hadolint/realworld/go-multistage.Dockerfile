FROM golang:1.22 AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server
RUN go install github.com/go-delve/delve/cmd/dlv

FROM alpine
RUN apk update && apk add ca-certificates tzdata
COPY --from=builder /out/server /usr/local/bin/server
COPY --from=build /go/bin/dlv /usr/local/bin/dlv
USER nobody
ENTRYPOINT ["/usr/local/bin/server"]
