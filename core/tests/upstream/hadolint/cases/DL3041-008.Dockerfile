RUN microdnf install -y tomcat-9.0.1 && microdnf clean all
