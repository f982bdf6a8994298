ONBUILD RUN go install .
