FROM node:lts-alpine as foo
ONBUILD RUN yarn install foo
FROM scratch
ONBUILD RUN hey!

