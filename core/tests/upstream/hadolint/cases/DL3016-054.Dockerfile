ONBUILD RUN npm install git+https://isaacs@github.com/npm/npm.git
