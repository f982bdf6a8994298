ONBUILD RUN go run example.com/pkg@latest
