FROM node as foo
RUN wget --output-file=/tmp/wget.log my.xyz

