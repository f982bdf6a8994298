LABEL maintainer="abcd@google.com"
