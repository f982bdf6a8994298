FROM baseimage
LABEL bar="baz"
