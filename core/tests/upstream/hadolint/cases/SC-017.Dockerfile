SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN echo $RANDOM

