ONBUILD RUN zypper install -y httpd=2.4.24 && zypper clean
