### catches: COPY . . before npm ci
FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "server.js"]
### catches: pip install -r after copying everything, with other steps between
FROM python:3.12-slim
WORKDIR /srv
COPY . /srv
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install --no-cache-dir -r requirements.txt
### catches: go mod download in a heredoc script
FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN <<EOF
go mod download
go build -o /out/app ./cmd/app
EOF
### passes: the manifest is copied and installed first
FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
### passes: a glob of manifests counts
FROM node:22-slim
COPY package*.json ./
RUN npm ci
COPY . .
### passes: installing named packages does not depend on the source
FROM node:22-slim
COPY . .
RUN npm install -g pm2
### passes: dependencies built from a cargo-chef recipe before the source
FROM rust:1.80 AS builder
COPY --from=planner /app/recipe.json recipe.json
RUN cargo chef cook --release --recipe-path recipe.json
COPY . .
RUN cargo build --release
### catches: a build after COPY . gets the dependency-only step added
FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .
### catches: the context's manifests are the ones copied
#> file package.json = {}
#> file yarn.lock = x
#> file .dockerignore = node_modules
FROM node:22-slim
WORKDIR /app
COPY . .
RUN yarn install --frozen-lockfile
