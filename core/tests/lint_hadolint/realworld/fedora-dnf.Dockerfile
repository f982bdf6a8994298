FROM fedora:39
RUN dnf install -y python3 python3-pip
RUN dnf upgrade -y
RUN microdnf install -y jq
RUN dnf install -y gcc-13.2.1 && dnf clean all
RUN pip3 install --no-cache-dir requests
WORKDIR app
CMD ["python3"]
