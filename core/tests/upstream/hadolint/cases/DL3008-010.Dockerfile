ONBUILD RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb
