RUN yum install -y rpm-sign-4.16.1.3
