COPY packaged-app.tar /usr/src/app
FROM debian:11 as newstage

