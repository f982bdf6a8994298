FROM node as foo
ONBUILD RUN wget --quiet my.xyz

