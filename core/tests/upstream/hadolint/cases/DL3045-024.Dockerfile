COPY bla.sh "blubb.sh"
