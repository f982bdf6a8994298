ONBUILD RUN apk add --no-cache \
flex=2.6.4-r1 \
libffi \
python2=2.7.13-r1 \
libbz2=1.0.6-r5

