SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
ONBUILD RUN echo $RANDOM

