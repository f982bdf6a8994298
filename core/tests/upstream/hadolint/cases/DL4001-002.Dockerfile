FROM node as foo
RUN wget my.xyz && curl localhost

