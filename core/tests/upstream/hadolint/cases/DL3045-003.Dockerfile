COPY bla.sh "/usr/local/bin/blubb.s"
