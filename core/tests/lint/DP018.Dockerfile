### catches: COPY and ADD of ignored files
#> experimental
#> file .dockerignore = *.md\nsecrets/\n
#> file README.md = hello
FROM alpine:3.20
COPY README.md /app/
ADD secrets/token.txt /run/
### passes: exceptions make the check stay quiet, as in BuildKit
#> experimental
#> file .dockerignore = *.md\n!README.md
FROM alpine:3.20
COPY README.md /app/
### passes: not ignored, or from another stage
#> experimental
#> file .dockerignore = *.md
FROM alpine:3.20 AS docs
COPY src/ /src/
FROM alpine:3.20
COPY --from=docs /README.md /app/
### passes: no .dockerignore
#> experimental
FROM alpine:3.20
COPY README.md /app/
