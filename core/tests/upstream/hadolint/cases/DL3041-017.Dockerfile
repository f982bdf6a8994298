ONBUILD RUN dnf install -y rpm-sign-4.16.1.3 && dnf clean all
