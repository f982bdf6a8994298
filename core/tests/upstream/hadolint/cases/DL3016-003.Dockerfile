RUN npm install --progress=false
