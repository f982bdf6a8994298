COPY a b
