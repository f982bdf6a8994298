ONBUILD RUN microdnf install -y mariadb-10.4
