RUN yarn cache clean && yarn install foo
