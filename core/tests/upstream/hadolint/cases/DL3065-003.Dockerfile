FROM --platform=foobar alpine:3.24
