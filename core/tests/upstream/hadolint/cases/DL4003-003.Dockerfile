FROM debian as distro1
CMD bash
RUN foo
CMD another
FROM debian as distro2
CMD another

