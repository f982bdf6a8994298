RUN notdnf install tomcat
