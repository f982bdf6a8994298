FROM scratch
WORKDIR /usr
COPY bla.sh blubb.sh
