LABEL org.dockerproject.label="foo"
