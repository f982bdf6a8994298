ONBUILD RUN go install ./app/foobar
