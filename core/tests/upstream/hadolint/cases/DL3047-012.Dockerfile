FROM node as foo
ONBUILD RUN wget --no-verbose my.xyz

