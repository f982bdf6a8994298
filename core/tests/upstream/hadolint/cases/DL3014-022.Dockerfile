ONBUILD RUN apt-get install -q=2 python
