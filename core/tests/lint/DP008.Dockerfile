### catches: MAINTAINER
FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>
### passes: the authors label
FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
