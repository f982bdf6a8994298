FROM node as foo
ONBUILD RUN wget -a /tmp/wget.log my.xyz

