FROM node as foo
ONBUILD RUN wget -q my.xyz

