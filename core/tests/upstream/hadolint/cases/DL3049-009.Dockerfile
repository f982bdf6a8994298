FROM baseimage
LABEL foo="bar"
FROM newimage

