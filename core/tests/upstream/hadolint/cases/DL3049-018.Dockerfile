FROM baseimage as base
FROM base
LABEL foo="bar"

FROM base

