ONBUILD RUN yum module install -y tomcat:9 && yum clean all
