ARG VERSION=1.0
RUN echo before from
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
FROM --platform=$TARGETPLATFORM debian:12 AS final
ENV APP_HOME=/app APP_BIN=$APP_HOME/bin
ENV DB_PASSWORD=changeme
ARG GITHUB_TOKEN
LABEL "com.example.vendor"="ACME" Org.Bad_Key=1 com.example..x=2
EXPOSE 80000
COPY a.txt b.txt /dest
COPY --from=final /x /y
ONBUILD ONBUILD RUN echo nested
ONBUILD FROM scratch
USER www-data:www-data
RUN useradd -u 123456 bigid
RUN wget http://example.com/a && curl -O http://example.com/b
RUN pip install . && pip install -e ./lib && pip install flask>=2
RUN npm install ./local-pkg lodash@4.17.21 react
RUN mount /dev/sda1 /mnt && free -m && ps aux
CMD ["a"]
CMD ["b"]
ENTRYPOINT ["x"]
ENTRYPOINT ["y"]
FROM debian:12 AS FINAL
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -s http://example.com | sh
FROM scratch AS scratch
