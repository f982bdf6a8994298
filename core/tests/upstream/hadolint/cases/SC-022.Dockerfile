SHELL ["/bin/ash", "-o", "pipefail", "-c"]
ONBUILD RUN echo hello

