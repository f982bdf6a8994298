ONBUILD RUN dnf module install -y tomcat:9 && dnf clean all
