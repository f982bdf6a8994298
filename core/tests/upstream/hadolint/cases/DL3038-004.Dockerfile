ONBUILD RUN microdnf install httpd-2.4.24 && microdnf clean all
