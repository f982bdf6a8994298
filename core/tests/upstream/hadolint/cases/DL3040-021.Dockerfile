RUN microdnf clean all && dnf install -y mariadb-10.4
