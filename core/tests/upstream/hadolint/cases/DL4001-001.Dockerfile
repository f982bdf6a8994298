FROM node as foo
RUN wget my.xyz
RUN curl localhost

