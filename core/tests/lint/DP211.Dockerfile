### catches: a GitHub token, an AWS key and a password in a URL
FROM alpine:3.20
ENV GH=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB
ARG AWS_ID=AKIAABCDEFGHIJKLMNOP
LABEL repo="https://deploy:hunter2@git.example.com/app.git"
### passes: references and ordinary values
FROM alpine:3.20
ENV GH=$GH_TOKEN URL=https://$USER:${PASSWORD}@git.example.com/ HOME_URL=https://example.com/
ARG VERSION=1.2.3
