FROM tomcat:9.0-jdk11-temurin
LABEL maintainer="ops@example.com"
# 删除默认的示例应用
RUN rm -rf /usr/local/tomcat/webapps/*
COPY target/ROOT.war /usr/local/tomcat/webapps/ROOT.war
ENV JAVA_OPTS="-Xms512m -Xmx1024m -Dfile.encoding=UTF-8 -Duser.timezone=GMT+08"
EXPOSE 8080
CMD ["catalina.sh", "run"]
