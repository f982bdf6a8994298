RUN npm install ~/folder
