ONBUILD RUN npm install --global express
