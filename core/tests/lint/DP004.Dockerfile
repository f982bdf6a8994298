### catches: a lower-case keyword among upper-case ones
FROM alpine:3.20
run apk add --no-cache curl
CMD ["curl", "--version"]
### catches: mixed-case keywords, and the majority is lower case
from alpine:3.20
run echo hi
Cmd ["echo"]
### passes: all upper case
FROM alpine:3.20
RUN echo hi
### passes: all lower case
from alpine:3.20
run echo hi
