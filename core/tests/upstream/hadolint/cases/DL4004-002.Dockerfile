FROM debian
ENTRYPOINT bash
RUN foo
ENTRYPOINT another

