ONBUILD RUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27
