RUN npm install express@4.1.1
