ONBUILD RUN apt-get install --no-install-recommends python
