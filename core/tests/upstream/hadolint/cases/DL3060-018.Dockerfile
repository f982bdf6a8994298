FROM node:lts-alpine as foo
RUN yarn install
FROM foo
RUN hey!

