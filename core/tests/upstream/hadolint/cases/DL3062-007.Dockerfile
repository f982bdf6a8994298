RUN go install /go/app/foobar
