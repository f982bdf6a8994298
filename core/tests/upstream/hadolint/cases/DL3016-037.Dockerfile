RUN npm run --crazy install
