ONBUILD RUN apk add mypackage-1.1.1.apk
