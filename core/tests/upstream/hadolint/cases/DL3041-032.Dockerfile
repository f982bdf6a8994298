RUN notdnf module install tomcat
