use super::{Sample, SampleId, Variant};

const PACKAGE_JSON: &str = r#"{
  "name": "hello-web",
  "private": true,
  "version": "1.0.0",
  "type": "module",
  "scripts": { "dev": "vite", "build": "vite build" },
  "devDependencies": { "vite": "^5.4.0" }
}
"#;

const PACKAGE_LOCK: &str = r#"{
  "name": "hello-web",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": { "name": "hello-web", "version": "1.0.0", "devDependencies": { "vite": "^5.4.0" } },
    "node_modules/vite": { "version": "5.4.0", "dev": true }
  }
}
"#;

const INDEX_HTML: &str = r#"<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Hello</title></head>
  <body>
    <div id="app"></div>
    <script type="module" src="/src/main.js"></script>
  </body>
</html>
"#;

const MAIN_JS: &str = "document.querySelector(\"#app\").textContent = \"Hello from Docker!\";\n";

const NGINX_CONF: &str = r#"server {
    listen 80;
    root /usr/share/nginx/html;
    location / {
        try_files $uri $uri/ /index.html;
    }
}
"#;

pub(super) static SAMPLE: Sample = Sample {
    id: SampleId::Frontend,
    before: Variant {
        dockerfile: r#"FROM node:20
WORKDIR /app
COPY . .
RUN npm install && npm run build
RUN npm install -g serve
EXPOSE 3000
CMD ["serve", "-s", "dist"]
"#,
        files: &[
            ("package.json", PACKAGE_JSON),
            ("package-lock.json", PACKAGE_LOCK),
            ("index.html", INDEX_HTML),
            ("src/main.js", MAIN_JS),
        ],
    },
    after: Variant {
        dockerfile: r#"FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# Node is only needed to build: nginx serves the files it produced.
FROM nginx:1.27-alpine
COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 80
"#,
        files: &[
            ("package.json", PACKAGE_JSON),
            ("package-lock.json", PACKAGE_LOCK),
            ("index.html", INDEX_HTML),
            ("src/main.js", MAIN_JS),
            ("nginx.conf", NGINX_CONF),
            (".dockerignore", "node_modules\ndist\n.git\nDockerfile\n"),
        ],
    },
};
