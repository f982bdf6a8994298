ONBUILD RUN npm install -g express@"4.1.1"
