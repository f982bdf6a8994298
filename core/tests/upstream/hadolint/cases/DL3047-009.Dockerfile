FROM node as foo
RUN wget -nv my.xyz

