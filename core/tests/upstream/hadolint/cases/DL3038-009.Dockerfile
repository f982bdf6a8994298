ONBUILD RUN microdnf install -y httpd-2.4.24 && microdnf clean all
