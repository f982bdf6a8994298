FROM baseimage as base
FROM anotherimage
LABEL foo="bar"

