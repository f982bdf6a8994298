ADD file.bz2 /usr/src/app/
