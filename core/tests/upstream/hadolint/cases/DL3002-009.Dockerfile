FROM debian as base
USER root
RUN something
USER foo
FROM scratch
RUN something else

