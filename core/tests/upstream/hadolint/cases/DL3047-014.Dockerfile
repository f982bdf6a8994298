FROM node as foo
ONBUILD RUN wget --output-file=/tmp/wget.log my.xyz

