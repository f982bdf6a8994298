# syntax=docker/dockerfile:1.4
FROM ubuntu:22.04

RUN <<-EOT
	set -ex
	apt-get update
	apt-get install -y curl
EOT

RUN <<EOT bash
set -euo pipefail
pip install requests
EOT

COPY <<-EOF /etc/motd
	Welcome
EOF

CMD ["bash"]
