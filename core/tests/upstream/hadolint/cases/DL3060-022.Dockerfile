FROM node:lts-alpine as foo
RUN yarn install foo
FROM scratch
RUN hey!

