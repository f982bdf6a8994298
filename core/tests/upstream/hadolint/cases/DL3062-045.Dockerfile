RUN go run .
