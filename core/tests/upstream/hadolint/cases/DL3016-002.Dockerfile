ONBUILD RUN npm install
