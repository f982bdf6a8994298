COPY foo bar "baz"
