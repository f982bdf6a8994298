FROM ubuntu:22.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt update && apt install -y curl wget vim
RUN apt-get update && apt-get upgrade -y && apt-get dist-upgrade -y
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates=20230311ubuntu0.22.04.1 openssh-client \
 && rm -rf /var/lib/apt/lists/*
RUN curl -sSL https://example.com/install.sh | bash
RUN wget https://example.com/tool.tgz && tar xzf tool.tgz
RUN sudo chmod 755 /usr/local/bin
RUN ssh-keyscan github.com >> /root/.ssh/known_hosts
SHELL ["/bin/bash", "-c"]
RUN ln -sf /bin/bash /bin/sh
USER root
