FROM node as foo
RUN wget -q my.xyz

