ONBUILD RUN npm install --loglevel verbose sax@0.1.1
