### catches: the full python image as the final base
FROM python:3.12
COPY app.py /app/
CMD ["python", "/app/app.py"]
### catches: a golang image as the runtime
FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM golang:1.23
COPY --from=build /out/app /app
### passes: slim and alpine variants
FROM python:3.12-slim AS a
FROM node:22-alpine
### passes: a heavy base in a build stage only
FROM node:22 AS build
RUN npm ci && npm run build
FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
### catches: node's slim variant (sizes from the size model)
FROM node:22
COPY server.js /app/
### catches: a JDK as the runtime, where the JRE is enough
FROM eclipse-temurin:21-jdk
COPY app.jar /app/app.jar
### passes: a general-purpose OS image is not swapped for distroless
FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
### passes: a saving too small to matter
FROM caddy:2
COPY Caddyfile /etc/caddy/Caddyfile
