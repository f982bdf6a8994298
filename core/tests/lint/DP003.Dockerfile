### catches: an empty line inside a continuation
FROM alpine:3.20
RUN apk add --no-cache \

    curl
### passes: a comment line inside a continuation is allowed
FROM alpine:3.20
RUN apk add --no-cache \
# curl is needed by the health check
    curl
### passes: empty lines in a heredoc are content
FROM alpine:3.20
RUN <<EOF
echo one

echo two
EOF
### catches: an unterminated heredoc after an empty continuation line ends the file in a multi-byte character
FROM alpine:3.20
RUN cat <<EOF \

中