ONBUILD RUN dnf module install -y tomcat && dnf clean all
