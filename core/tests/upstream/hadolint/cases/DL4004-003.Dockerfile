FROM debian as distro1
ENTRYPOINT bash
RUN foo
FROM debian as distro2
ENTRYPOINT another

