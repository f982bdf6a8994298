# syntax=docker/dockerfile:1
FROM debian:12

RUN <<EOF
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF

RUN <<EOF
#!/usr/bin/env python3
import os
sudo = os.environ.get("SUDO_USER")
print(sudo)
EOF

RUN python3 <<EOF
import shutil
print(shutil.which("cd"))
EOF

COPY <<EOF /etc/app.conf
listen = 8080
EOF

RUN <<EOF bash
set -e
cd /opt
apt-get install -y git
EOF

CMD ["bash"]
