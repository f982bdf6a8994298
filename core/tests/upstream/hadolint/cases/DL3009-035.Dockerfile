FROM scratch
RUN apt update && apt install python && rm -rf /var/lib/apt/lists/*

