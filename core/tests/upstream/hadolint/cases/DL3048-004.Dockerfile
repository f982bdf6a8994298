LABEL com.docker.label="foo"
