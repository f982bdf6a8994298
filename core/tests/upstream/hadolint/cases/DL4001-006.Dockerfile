FROM node as foo
RUN wget my.xyz
RUN curl my.xyz
RUN echo hello

