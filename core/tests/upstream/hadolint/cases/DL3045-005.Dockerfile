COPY bla.sh c:\system32\blubb.sh
