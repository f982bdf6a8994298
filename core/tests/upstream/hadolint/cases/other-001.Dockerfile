WORKDIR /usr
COPY bla.sh blubb.sh
