### catches: a stage named scratch
FROM alpine:3.20 AS scratch
### catches: a stage named context, any case
FROM alpine:3.20 AS Context
### passes: FROM scratch itself and ordinary names
FROM scratch AS empty
FROM alpine:3.20 AS contexts
