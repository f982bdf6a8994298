FROM baseimage as base
FROM anotherimage
LABEL foo="bar"
COPY --from=base /bar /baz

