FROM ubuntu
RUN apt install python

