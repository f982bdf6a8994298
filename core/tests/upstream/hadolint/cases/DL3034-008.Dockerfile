ONBUILD RUN zypper install --non-interactive httpd=2.4.24 && zypper clean
