### catches: legacy ENV and LABEL
FROM alpine:3.20
ENV NODE_ENV production
LABEL maintainer Jane Doe
### passes: key=value form
FROM alpine:3.20
ENV NODE_ENV=production
LABEL maintainer="Jane Doe"
