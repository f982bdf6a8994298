RUN go install example.com/pkg@v1.2.3
