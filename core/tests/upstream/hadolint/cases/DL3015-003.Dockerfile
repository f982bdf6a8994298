RUN apt-get install python
