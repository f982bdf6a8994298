RUN apt-get install sudo
