### catches: sudo in RUN and in a heredoc script
FROM debian:12-slim
RUN sudo -u root apt-get update
RUN <<EOF
set -e
sudo apt-get install -y curl
EOF
### passes: no sudo; the word in an argument does not count
FROM debian:12-slim
USER root
RUN apt-get update && apt-get install -y sudo
RUN echo sudo
