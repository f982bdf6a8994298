ONBUILD RUN go install example.com/pkg@latest
