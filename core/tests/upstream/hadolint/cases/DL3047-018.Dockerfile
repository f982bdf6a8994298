FROM node as foo
ONBUILD RUN wget --append-output=/tmp/wget.log my.xyz

