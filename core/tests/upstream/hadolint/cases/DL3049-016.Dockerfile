FROM baseimage as base
LABEL foo="bar"
FROM base

