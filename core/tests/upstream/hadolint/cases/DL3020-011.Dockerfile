ADD "file.zip" /usr/src/app/
