RUN npm install
