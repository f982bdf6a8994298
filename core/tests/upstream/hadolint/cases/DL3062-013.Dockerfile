RUN go get example.com/pkg
