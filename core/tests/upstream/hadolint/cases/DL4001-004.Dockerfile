FROM node as foo
RUN wget my.xyz
FROM scratch
RUN curl localhost

