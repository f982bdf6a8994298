ONBUILD RUN npm install git+ssh://git@github.com:npm/npm.git
