FROM baseimage as base
FROM base

FROM base
LABEL foo="bar"

