COPY foo bar baz/
