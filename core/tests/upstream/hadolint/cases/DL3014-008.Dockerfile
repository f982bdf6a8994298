ONBUILD RUN apt-get install -yq python
