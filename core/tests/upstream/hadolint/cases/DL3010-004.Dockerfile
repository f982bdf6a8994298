COPY build\foo\bar.tar.gz "C:\Program Files\Foo"
RUN tar -xf "C:\Program Files\Foo\bar.tar.gz"

