FROM --platform=$FOOBAR alpine:3.24
