ONBUILD RUN yarn install foo
