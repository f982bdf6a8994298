FROM scratch
ONBUILD RUN apt-get update && apt-get install python

