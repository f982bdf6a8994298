FROM scratch
USER root:root

