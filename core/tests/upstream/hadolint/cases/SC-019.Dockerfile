SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
FROM debian
RUN echo $RANDOM

