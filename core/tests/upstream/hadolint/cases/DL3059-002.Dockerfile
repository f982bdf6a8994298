RUN /foo.sh
