COPY build\foo\bar.tar.gz "C:\Program Files\foo.tar.gz"
RUN tar -xf foo.tar.gz

