RUN dnf install -y mariadb-10.4 && dnf clean all
