RUN npm install express
