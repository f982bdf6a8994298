RUN apk add --no-cache git=~2.52
