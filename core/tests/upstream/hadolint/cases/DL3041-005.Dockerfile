RUN microdnf install -y rpm-sign && microdnf clean all
