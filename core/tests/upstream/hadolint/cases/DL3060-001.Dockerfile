RUN foo
