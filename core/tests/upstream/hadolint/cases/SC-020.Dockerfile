SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
FROM debian
ONBUILD RUN echo $RANDOM

