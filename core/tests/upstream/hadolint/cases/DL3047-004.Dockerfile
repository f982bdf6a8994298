FROM node as foo
ONBUILD RUN wget --progress=dot:giga my.xyz

