ONBUILD RUN notdnf install tomcat
