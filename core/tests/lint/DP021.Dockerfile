### catches: host-port mapping and an IP address
FROM alpine:3.20
EXPOSE 8080:80 127.0.0.1:53:53/udp
### passes: container ports, ranges and variables
FROM alpine:3.20
ARG PORT=80
EXPOSE 80 8000-8010/tcp $PORT
