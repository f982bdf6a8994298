ONBUILD RUN yum module install -y tomcat && yum clean all
