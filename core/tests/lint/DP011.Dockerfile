### catches: a global ARG is not visible in a stage
ARG VERSION=1.0
FROM alpine:3.20
LABEL version=$VERSION
### catches: ENV cannot see a key set in the same instruction, and typos get a suggestion
FROM scratch
ENV APP_HOME=/app DATA=$APP_HOME/data
COPY app ${APP_HOEM}/
### catches: a default does not declare the variable
FROM scratch
LABEL mode=${MODE:-prod}
### passes: re-declared ARG, earlier ENV, declared ARG with a default use, escaped dollars
ARG VERSION=1.0
FROM alpine:3.20
ARG VERSION
ARG MODE
ENV APP_HOME=/app
ENV DATA=$APP_HOME/data
LABEL version=$VERSION mode=${MODE:-prod} price=\$5
COPY app ${APP_HOME}/
### passes: RUN is expanded by the shell, not by BuildKit
FROM alpine:3.20
RUN echo $UNDEFINED_IN_DOCKERFILE
### passes: the base image's own variables and a base stage's ENV
FROM python:3.12 AS base
ENV VENV=/opt/venv
ENV PATH=$VENV/bin:$PATH
FROM base
WORKDIR $VENV
### catches: used before its ENV in the stage
FROM alpine:3.20
WORKDIR $APP_DIR
ENV APP_DIR=/app
### passes: an unknown name on a registry image may come from the image
FROM tomcat:10
COPY app.war $CATALINA_BASE/webapps/
