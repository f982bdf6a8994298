FROM node as foo
RUN wget --append-output=/tmp/wget.log my.xyz

