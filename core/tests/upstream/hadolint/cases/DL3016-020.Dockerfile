ONBUILD RUN npm install package-v1.2.3.tgz
