FROM centos:7
MAINTAINER Zhang Wei <zhangwei@example.cn>
RUN yum -y install epel-release && \
    yum -y install java-1.8.0-openjdk supervisor nginx && \
    yum clean all
ADD target/legacy-app.tar.gz /opt/
ADD supervisord.conf /etc/supervisord.conf
ADD http://example.com/agent/agent-1.2.jar /opt/agent/agent.jar
EXPOSE 80 8080
VOLUME /opt/legacy-app/logs
CMD ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisord.conf"]
