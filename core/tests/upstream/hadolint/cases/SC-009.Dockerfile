RUN echo "$RTTP_PROXY"

