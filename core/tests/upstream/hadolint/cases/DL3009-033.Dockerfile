FROM scratch
RUN apt update && apt install python

