FROM node:lts-alpine as foo
ONBUILD RUN hey!
FROM scratch
ONBUILD RUN yarn install

