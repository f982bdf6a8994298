RUN dnf install -y tomcat-9.0.1 && dnf clean all
