FROM ubuntu
ONBUILD RUN apt install python

