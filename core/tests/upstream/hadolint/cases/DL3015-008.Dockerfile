ONBUILD RUN apt-get -o APT::Install-Recommends=false install python
