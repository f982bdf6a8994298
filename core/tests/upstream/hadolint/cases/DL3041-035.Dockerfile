ONBUILD RUN notdnf module install tomcat
