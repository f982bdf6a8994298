RUN /foo.sh
RUN /bar.sh
