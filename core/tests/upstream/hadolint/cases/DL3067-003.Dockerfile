COPY / /
