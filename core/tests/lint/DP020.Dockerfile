### catches: upper- and mixed-case protocols
FROM alpine:3.20
EXPOSE 80/TcP 53/UDP
### passes: lower case or none
FROM alpine:3.20
EXPOSE 80 443/tcp 53/udp
