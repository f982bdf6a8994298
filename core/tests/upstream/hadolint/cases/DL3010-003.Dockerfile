COPY foo/bar/packaged-app.tar /foo.tar
RUN tar -xf /foo.tar

