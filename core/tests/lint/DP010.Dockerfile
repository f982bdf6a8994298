### catches: a relative WORKDIR first in a stage
FROM node:22
WORKDIR app
### passes: absolute first, then relative
FROM node:22
WORKDIR /srv
WORKDIR app
### passes: the base stage set an absolute WORKDIR
FROM node:22 AS base
WORKDIR /app
FROM base
WORKDIR src
### passes: a variable may hold an absolute path
FROM node:22
ARG APP_HOME=/app
WORKDIR $APP_HOME
### catches: only the first relative WORKDIR of a stage
FROM node:22
WORKDIR app
WORKDIR src
