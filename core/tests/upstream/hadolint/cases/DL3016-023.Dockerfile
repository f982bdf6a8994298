RUN npm install ./folder
