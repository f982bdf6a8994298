FROM node as foo
RUN wget --quiet my.xyz

