RUN yum install -y mariadb-10.4
