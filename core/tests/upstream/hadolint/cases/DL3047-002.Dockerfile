FROM node as foo
ONBUILD RUN wget my.xyz

