RUN zypper clean && zypper install -y mariadb=10.4
