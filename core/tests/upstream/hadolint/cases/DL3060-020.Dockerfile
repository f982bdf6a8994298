FROM node:lts-alpine as foo
RUN yarn install && yarn cache clean
FROM foo
RUN hey!

