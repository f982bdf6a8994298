ONBUILD RUN yum install -y mariadb-10.4 && yum clean all
