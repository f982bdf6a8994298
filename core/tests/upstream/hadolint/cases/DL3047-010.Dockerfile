FROM node as foo
ONBUILD RUN wget -nv my.xyz

