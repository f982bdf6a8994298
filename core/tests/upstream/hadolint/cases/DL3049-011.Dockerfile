FROM baseimage
LABEL baz="bar"
FROM newimage
LABEL foo="bar"

