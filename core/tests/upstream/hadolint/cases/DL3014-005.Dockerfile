RUN apt-get install --quiet python
