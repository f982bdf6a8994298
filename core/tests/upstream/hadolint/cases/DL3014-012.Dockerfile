ONBUILD RUN apt-get -y install python
