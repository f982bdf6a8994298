FROM scratch AS base
HEALTHCHECK CMD /bin/bla
FROM scratch

