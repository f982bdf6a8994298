RUN microdnf install -y tomcat && microdnf clean all
