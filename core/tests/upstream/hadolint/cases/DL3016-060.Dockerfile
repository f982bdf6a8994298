ONBUILD RUN npm install --registry https://example.com sax@0.1.1
