RUN npm install /folder
