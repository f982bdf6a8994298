FROM debian:bookworm AS base
RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt
COPY config.yml config/

FROM --platform=linux/amd64 base AS base
RUN dnf install nodejs
RUN yarn install && yarn build
RUN npm ci && npm install --save-dev jest@29
FROM base
RUN pip install --user poetry==1.8.2 && poetry install
RUN go install golang.org/x/tools/gopls@latest
RUN wget -q -O - https://example.com/key | apt-key add -
