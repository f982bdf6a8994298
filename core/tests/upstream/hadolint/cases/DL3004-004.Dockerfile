ONBUILD RUN apt-get install sudo
