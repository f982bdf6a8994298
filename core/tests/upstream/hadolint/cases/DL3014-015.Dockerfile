RUN apt-get --assume-yes install python
