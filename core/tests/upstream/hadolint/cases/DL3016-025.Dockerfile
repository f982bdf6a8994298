RUN npm install ../folder
