ONBUILD RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27
