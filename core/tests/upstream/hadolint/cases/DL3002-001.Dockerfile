FROM scratch
USER root

