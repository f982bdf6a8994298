ONBUILD RUN npm install git+http://isaacs@github.com/npm/npm
