FROM node as foo
RUN wget -a /tmp/wget.log my.xyz

