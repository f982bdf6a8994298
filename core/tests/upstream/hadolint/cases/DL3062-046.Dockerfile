ONBUILD RUN go run .
