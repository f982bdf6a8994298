COPY bla.sh d:/mypath/blubb.sh
