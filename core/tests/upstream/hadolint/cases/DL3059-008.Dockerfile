RUN --mount=type=secret,id=foo /foo.sh
RUN /bar.sh
