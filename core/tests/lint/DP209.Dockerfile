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
