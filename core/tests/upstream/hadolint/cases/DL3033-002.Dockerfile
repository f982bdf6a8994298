ONBUILD RUN yum install -y tomcat && yum clean all
