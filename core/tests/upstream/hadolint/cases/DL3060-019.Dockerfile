FROM node:lts-alpine as foo
ONBUILD RUN yarn install
FROM foo
ONBUILD RUN hey!

