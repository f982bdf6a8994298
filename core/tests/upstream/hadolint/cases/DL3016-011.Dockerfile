RUN npm install --global express@"4.1.1"
