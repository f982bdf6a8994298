RUN yum clean all && yum install -y
