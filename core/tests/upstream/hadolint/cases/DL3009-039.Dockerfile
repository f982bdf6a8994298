FROM scratch
RUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*

