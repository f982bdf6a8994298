RUN dnf install -y rpm-sign && dnf clean all
