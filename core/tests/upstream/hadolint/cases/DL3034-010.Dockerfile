ONBUILD RUN zypper install --no-confirm httpd=2.4.24 && zypper clean
