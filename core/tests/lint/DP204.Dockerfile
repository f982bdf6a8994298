### catches: COPY . with a context that has no .dockerignore
#> file package.json = {}
#> file src/index.js = console.log(1)
FROM node:22-slim
COPY . /app
### passes: the context has a .dockerignore
#> file package.json = {}
#> file .dockerignore = node_modules\n.git
FROM node:22-slim
COPY . /app
### passes: the context is not described
FROM node:22-slim
COPY . /app
### passes: only named files are copied
#> file package.json = {}
FROM node:22-slim
COPY package.json /app/
