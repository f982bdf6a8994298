FROM nginx:stable-alpine
COPY ./html /usr/share/nginx/html
