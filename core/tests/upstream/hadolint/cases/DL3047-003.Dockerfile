FROM node as foo
RUN wget --progress=dot:giga my.xyz

