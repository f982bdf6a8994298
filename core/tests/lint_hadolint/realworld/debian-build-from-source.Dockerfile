FROM debian:bullseye-slim
ENV NGINX_VERSION 1.25.3
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        build-essential \
        libpcre3-dev \
        zlib1g-dev \
        libssl-dev \
        wget \
    ; \
    wget -O nginx.tar.gz "https://nginx.org/download/nginx-${NGINX_VERSION}.tar.gz"; \
    tar -xzf nginx.tar.gz; \
    cd nginx-${NGINX_VERSION}; \
    ./configure --with-http_ssl_module; \
    make -j"$(nproc)"; \
    make install; \
    cd ..; \
    rm -rf nginx*; \
    apt-get purge -y --auto-remove build-essential; \
    rm -rf /var/lib/apt/lists/*
RUN if [ -f /etc/nginx/nginx.conf ]; then \
        sed -i 's/user  nginx;/user  www-data;/' /etc/nginx/nginx.conf; \
    fi
STOPSIGNAL SIGQUIT
CMD ["/usr/local/nginx/sbin/nginx", "-g", "daemon off;"]
