COPY foo bar
