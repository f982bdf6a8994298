RUN yum install -y tomcat-9.2 && yum clean all
