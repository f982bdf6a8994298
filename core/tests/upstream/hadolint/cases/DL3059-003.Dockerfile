RUN /foo.sh
WORKDIR /
RUN /bar.sh
