FROM node as foo
RUN wget my.xyz
RUN curl localhost
FROM scratch
RUN curl localhost

