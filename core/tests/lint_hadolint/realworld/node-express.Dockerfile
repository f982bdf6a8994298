FROM node:20
MAINTAINER Jane Doe <jane@example.com>
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm install
RUN npm install -g nodemon pm2
COPY . .
EXPOSE 3000
CMD npm start
