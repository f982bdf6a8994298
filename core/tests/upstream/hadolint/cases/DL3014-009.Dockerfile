RUN apt-get install -y python
