ONBUILD RUN apk add flex
