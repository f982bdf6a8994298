RUN microdnf group install -y "Development Tools" && microdnf clean all
