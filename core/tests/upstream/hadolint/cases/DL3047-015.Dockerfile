FROM node as foo
RUN wget -o /tmp/wget.log my.xyz

