RUN yum install -y httpd-2.4.24 && yum clean all
