LABEL maintainer="not-email"
