ONBUILD RUN apt-get install ssh
