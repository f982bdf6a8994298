RUN zypper install -y tomcat\<=9.0 && zypper clean
