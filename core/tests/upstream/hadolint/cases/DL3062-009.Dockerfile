RUN go install ./app/foobar
