ONBUILD RUN go get -tool foobar@v1.2.3
