RUN microdnf module install -y tomcat && microdnf clean all
