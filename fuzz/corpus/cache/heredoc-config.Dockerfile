# syntax=docker/dockerfile:1.4
FROM nginx:1.25-alpine

COPY <<-EOT /etc/nginx/conf.d/default.conf
	server {
	    listen 8080;
	    root /usr/share/nginx/html;
	    location / {
	        try_files $uri $uri/ /index.html;
	    }
	    location /healthz {
	        return 200 'ok';
	    }
	}
EOT

COPY <<EOF /usr/share/nginx/html/index.html
<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>你好，Docker</title></head>
<body><h1>Hello from a heredoc 👋</h1></body>
</html>
EOF

RUN <<EOF
set -eux
chown -R nginx:nginx /usr/share/nginx/html
nginx -t
EOF

EXPOSE 8080
