RUN apt-get install -q python
