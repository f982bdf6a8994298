LABEL org.valid-key.label3="foo"
