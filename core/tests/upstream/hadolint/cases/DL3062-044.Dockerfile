ONBUILD RUN go run ./app/foobar
