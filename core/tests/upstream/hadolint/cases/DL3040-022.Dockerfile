RUN microdnf clean all && dnf in -y mariadb-10.4
