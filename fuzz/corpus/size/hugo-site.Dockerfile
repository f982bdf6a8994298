FROM hugomods/hugo:exts-0.128.0 AS builder
WORKDIR /src
COPY . .
RUN hugo --minify --gc --baseURL "https://docs.example.org/"

FROM caddy:2-alpine
COPY Caddyfile /etc/caddy/Caddyfile
COPY --from=builder /src/public /srv
