ADD "http://file.com" /usr/src/app/
