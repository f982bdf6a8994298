FROM node as foo
RUN something
FROM scratch as foo
RUN something

