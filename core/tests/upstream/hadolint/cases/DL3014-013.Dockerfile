RUN apt-get --yes install python
