FROM baseimage
FROM newimage
LABEL foo="bar"

