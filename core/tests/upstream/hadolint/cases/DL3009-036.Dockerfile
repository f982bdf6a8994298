FROM scratch
ONBUILD RUN apt update && apt install python && rm -rf /var/lib/apt/lists/*

