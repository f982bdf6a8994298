RUN go run example.com/pkg@v1.2.3 -foobar
