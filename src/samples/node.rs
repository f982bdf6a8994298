use super::{Sample, SampleId, Variant};

const PACKAGE_JSON: &str = r#"{
  "name": "hello-api",
  "version": "1.0.0",
  "main": "server.js",
  "scripts": { "start": "node server.js" },
  "dependencies": { "express": "^4.19.2" }
}
"#;

const PACKAGE_LOCK: &str = r#"{
  "name": "hello-api",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": { "name": "hello-api", "version": "1.0.0", "dependencies": { "express": "^4.19.2" } },
    "node_modules/express": { "version": "4.19.2" }
  }
}
"#;

const SERVER_JS: &str = r#"const express = require("express");

const app = express();
app.get("/", (_req, res) => res.send("Hello from Docker!\n"));
app.listen(3000, () => console.log("listening on :3000"));
"#;

pub(super) static SAMPLE: Sample = Sample {
    id: SampleId::Node,
    before: Variant {
        // A file of its own: the page's first editor (`editor/boot.js`)
        // shows it too, before the app has loaded.
        dockerfile: include_str!("node-before.Dockerfile"),
        files: &[("package.json", PACKAGE_JSON), ("package-lock.json", PACKAGE_LOCK), ("server.js", SERVER_JS)],
    },
    after: Variant {
        dockerfile: r#"FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
# The manifests change rarely: copy them first so that this layer and
# `npm ci` stay cached while only the source changes.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
EXPOSE 3000
CMD ["node", "server.js"]
"#,
        files: &[
            ("package.json", PACKAGE_JSON),
            ("package-lock.json", PACKAGE_LOCK),
            ("server.js", SERVER_JS),
            (".dockerignore", "node_modules\nnpm-debug.log\n.git\nDockerfile\n"),
        ],
    },
};
