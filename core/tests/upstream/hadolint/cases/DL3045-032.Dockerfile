FROM microsoft/windowsservercore as base
WORKDIR c:\system32
FROM microsoft/windowsservercore as stage-inbetween
RUN foo
FROM base
COPY foo bar

