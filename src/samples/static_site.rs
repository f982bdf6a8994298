use super::{Sample, SampleId, Variant};

const INDEX_HTML: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Hello</title>
    <link rel="stylesheet" href="style.css">
  </head>
  <body><h1>Hello from Docker!</h1></body>
</html>
"#;

const STYLE_CSS: &str = "body { font-family: system-ui, sans-serif; margin: 4rem auto; max-width: 40rem; }\n";

pub(super) static SAMPLE: Sample = Sample {
    id: SampleId::StaticSite,
    before: Variant {
        dockerfile: r#"FROM ubuntu:24.04
RUN apt-get update
RUN apt-get install -y nginx
COPY site/ /var/www/html/
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
"#,
        files: &[("site/index.html", INDEX_HTML), ("site/style.css", STYLE_CSS)],
    },
    after: Variant {
        dockerfile: r#"# BusyBox's httpd serves static files from an image of a few megabytes.
FROM busybox:1.36
COPY site/ /www/
USER nobody
EXPOSE 8080
CMD ["httpd", "-f", "-v", "-p", "8080", "-h", "/www"]
"#,
        files: &[("site/index.html", INDEX_HTML), ("site/style.css", STYLE_CSS), (".dockerignore", "*\n!site/\n")],
    },
};
