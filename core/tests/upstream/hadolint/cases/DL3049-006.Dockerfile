FROM baseimage
LABEL foo="bar"
