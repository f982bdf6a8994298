ONBUILD RUN go get example.com/pkg@latest
