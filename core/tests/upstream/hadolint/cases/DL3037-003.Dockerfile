RUN zypper install -y tomcat=9.0.39 && zypper clean
