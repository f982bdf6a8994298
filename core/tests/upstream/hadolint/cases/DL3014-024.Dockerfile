ONBUILD RUN apt-get install --quiet --quiet python
