FROM node as foo
ONBUILD RUN wget -o /tmp/wget.log my.xyz

