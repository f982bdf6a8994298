ONBUILD RUN npm install express sax@0.1.1
