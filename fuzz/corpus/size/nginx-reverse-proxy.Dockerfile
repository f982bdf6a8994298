FROM nginx:1.27

# Remove the stock config; ours proxies /api to the backend service.
RUN rm /etc/nginx/conf.d/default.conf

COPY nginx/proxy.conf /etc/nginx/conf.d/proxy.conf
COPY nginx/ssl/ /etc/nginx/ssl/

RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -fsS http://localhost/healthz || exit 1

EXPOSE 80 443
STOPSIGNAL SIGQUIT
