ONBUILD RUN zypper install httpd=2.4.24 && zypper clean
