ONBUILD RUN yarn install bar && yarn cache clean
