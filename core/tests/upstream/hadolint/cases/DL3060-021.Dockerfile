FROM node:lts-alpine as foo
ONBUILD RUN yarn install && yarn cache clean
FROM foo
ONBUILD RUN hey!

