RUN go install .
