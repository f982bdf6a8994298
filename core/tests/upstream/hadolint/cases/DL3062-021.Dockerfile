RUN go get -tool foobar@latest
