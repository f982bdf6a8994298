FROM baseimage as base
FROM base

