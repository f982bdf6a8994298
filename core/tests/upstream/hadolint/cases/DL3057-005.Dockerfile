FROM scratch AS base1
FROM base1 AS base2
FROM base2 AS base3
FROM base3 AS end
HEALTHCHECK NONE

