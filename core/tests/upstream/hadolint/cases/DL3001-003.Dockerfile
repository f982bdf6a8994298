RUN apt-get install ssh
