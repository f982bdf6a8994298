ONBUILD RUN apt-get install python
