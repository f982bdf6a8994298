RUN go run ./app/foobar
