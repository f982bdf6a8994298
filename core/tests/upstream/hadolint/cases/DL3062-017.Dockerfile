RUN go get example.com/pkg@v1.2.3
