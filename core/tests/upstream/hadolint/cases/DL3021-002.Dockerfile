COPY foo bar baz
