FROM scratch
RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*

