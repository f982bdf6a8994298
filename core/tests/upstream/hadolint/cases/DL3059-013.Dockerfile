RUN foobar
RUN foo && bar

