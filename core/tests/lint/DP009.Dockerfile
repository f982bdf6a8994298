### catches: an undeclared ARG in FROM, with a suggestion
ARG NODE_VERSION=22
FROM node:${NODE_VERSOIN}-alpine
### catches: an ARG declared after the FROM does not count
FROM node:${NODE_VERSION}-alpine
ARG NODE_VERSION=22
### catches: an undeclared ARG in --platform
FROM --platform=$BUILD_PLATFORM golang:1.23
### catches: a default does not declare the ARG
FROM node:${NODE_MAJOR:-22}-alpine
### passes: declared global ARGs and automatic platform args
ARG NODE_VERSION=22
ARG NODE_MAJOR
FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-alpine AS build
FROM node:${NODE_MAJOR:-22}-alpine
