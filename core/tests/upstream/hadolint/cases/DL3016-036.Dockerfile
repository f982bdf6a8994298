ONBUILD RUN npm install git://github.com/npm/npm.git#v1.0.27
