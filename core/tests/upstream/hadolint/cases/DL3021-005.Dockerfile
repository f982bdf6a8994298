COPY foo bar "baz/"
