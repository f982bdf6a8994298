ONBUILD RUN go run /go/app/foobar
