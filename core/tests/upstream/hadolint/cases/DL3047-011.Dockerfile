FROM node as foo
RUN wget --no-verbose my.xyz

