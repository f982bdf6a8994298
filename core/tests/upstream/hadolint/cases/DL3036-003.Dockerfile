RUN zypper install -y mariadb=10.4 && zypper clean
