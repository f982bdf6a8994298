ADD file.gz /usr/src/app/
