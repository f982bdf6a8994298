FROM ubuntu as foo
ONBUILD RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*
FROM foo
ONBUILD RUN hey!

