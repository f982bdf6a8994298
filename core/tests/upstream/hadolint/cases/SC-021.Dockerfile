SHELL ["/bin/ash", "-o", "pipefail", "-c"]
RUN echo hello

