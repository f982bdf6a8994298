# foobar
RUN foo bar

