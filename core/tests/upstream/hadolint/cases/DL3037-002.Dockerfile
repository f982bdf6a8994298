ONBUILD RUN zypper install -y tomcat && zypper clean
