ONBUILD RUN apt-get install -q -q python
