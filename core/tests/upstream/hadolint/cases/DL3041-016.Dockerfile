RUN microdnf install -y rpm-sign-4.16.1.3 && microdnf clean all
