FROM nginxproxy/nginx-proxy:1.7-alpine

COPY uploadsize.conf /etc/nginx/conf.d/uploadsize.conf
