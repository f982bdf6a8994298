ONBUILD RUN npm run --crazy install
