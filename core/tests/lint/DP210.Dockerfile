### catches: an SSH key and a .env file named directly
FROM alpine:3.20
COPY id_rsa /root/.ssh/id_rsa
COPY .env /app/.env
ADD certs/server.key /etc/ssl/private/
### catches: COPY . sweeps up a key the .dockerignore misses
#> file .dockerignore = node_modules
#> file app.js = 1
#> file deploy.pem = secret
FROM node:22-slim
COPY . /app
### passes: examples, public keys, ignored files, other stages
#> file .dockerignore = *.pem
#> file app.js = 1
#> file deploy.pem = secret
FROM alpine:3.20 AS keys
FROM alpine:3.20
COPY .env.example /app/.env.example
COPY id_rsa.pub /root/.ssh/authorized_keys
COPY . /app
COPY --from=keys /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
