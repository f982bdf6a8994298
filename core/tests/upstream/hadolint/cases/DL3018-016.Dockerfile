ONBUILD RUN apk add --no-cache \
  "flex>=2.6.1-r1" \
  "libffi~3.2.1" \
  "python3<3.6.12-r2" \
  "libbz2=~1.0.6-r4"

