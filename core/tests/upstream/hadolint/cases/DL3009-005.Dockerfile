FROM ubuntu as foo
RUN hey!
FROM scratch
RUN apt-get update && apt-get install python

