FROM baseimage as base
FROM newimage
LABEL foo="bar"
COPY --from=base /bar /baz

FROM newimage
COPY --from=base /bar /baz

