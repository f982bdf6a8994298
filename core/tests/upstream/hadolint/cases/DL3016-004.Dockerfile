ONBUILD RUN npm install --progress=false
