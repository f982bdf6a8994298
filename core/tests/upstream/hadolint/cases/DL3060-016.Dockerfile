FROM node:lts-alpine as foo
RUN hey!
FROM scratch
RUN yarn install

