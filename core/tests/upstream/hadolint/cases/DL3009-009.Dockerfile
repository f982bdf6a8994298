FROM ubuntu as foo
RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*
FROM foo
RUN hey!

