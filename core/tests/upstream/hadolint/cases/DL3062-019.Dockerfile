RUN go get -tool foobar
