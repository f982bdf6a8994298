### catches: secret-looking ARG and ENV names
FROM node:22
ARG NPM_TOKEN
ENV DB_PASSWORD=changeme AWS_SECRET_ACCESS_KEY=x
ARG api_key
### passes: public keys, key files, versions and unrelated words
FROM node:22
ARG GPG_PUBLIC_KEY
ENV SSH_KEY_FILE=/run/secrets/key TOKEN_VERSION=2 MONKEY=1 KEYBOARD=us
ARG AUTHOR=me
