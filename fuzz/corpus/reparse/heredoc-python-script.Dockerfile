# syntax=docker/dockerfile:1
FROM python:3.12-alpine
RUN <<EOF python3
import json, platform
info = {"python": platform.python_version(), "machine": platform.machine()}
with open("/build-info.json", "w") as f:
    json.dump(info, f)
EOF
COPY <<EOF /usr/local/bin/entrypoint.sh
#!/bin/sh
set -e
cat /build-info.json
exec "\$@"
EOF
RUN chmod +x /usr/local/bin/entrypoint.sh
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
CMD ["python3", "-c", "print('ready')"]
