RUN microdnf module install -y tomcat:9 && microdnf clean all
