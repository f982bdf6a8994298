COPY package.json /usr/src/app
