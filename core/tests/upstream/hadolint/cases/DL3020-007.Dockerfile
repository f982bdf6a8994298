ADD file /usr/src/app/
