RUN npm install --global express
