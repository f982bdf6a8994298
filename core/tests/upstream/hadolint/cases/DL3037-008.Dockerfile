RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean
