FROM debian
RUN foo bar

