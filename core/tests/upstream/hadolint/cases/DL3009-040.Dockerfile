FROM scratch
ONBUILD RUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*

