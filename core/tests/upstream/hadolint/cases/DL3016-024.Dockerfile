ONBUILD RUN npm install ./folder
