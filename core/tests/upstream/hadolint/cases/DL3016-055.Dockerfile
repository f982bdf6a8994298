RUN npm install git://github.com/npm/npm.git
