ONBUILD RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0
