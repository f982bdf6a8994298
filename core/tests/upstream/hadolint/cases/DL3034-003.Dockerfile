RUN zypper install -n httpd=2.4.24 && zypper clean
