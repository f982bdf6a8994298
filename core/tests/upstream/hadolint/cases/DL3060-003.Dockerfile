RUN yarn install foo
