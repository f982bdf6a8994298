LABEL io.docker.label="foo"
