ONBUILD RUN npm install express
