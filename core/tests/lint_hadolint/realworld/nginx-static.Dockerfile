FROM nginx:latest
ADD nginx.conf /etc/nginx/nginx.conf
ADD site/ /usr/share/nginx/html/
ADD https://example.com/robots.txt /usr/share/nginx/html/robots.txt
ADD vendor.tar.gz /opt/
COPY index.html about.html /usr/share/nginx/html
EXPOSE 80/tcp 443
HEALTHCHECK CMD curl --fail http://localhost/ || exit 1
HEALTHCHECK --interval=30s CMD wget -qO- http://localhost/ || exit 1
