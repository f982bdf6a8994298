RUN dnf in -y mariadb-10.4 && dnf clean all
