FROM centos:7
LABEL maintainer="ops@example.com" version="1.0"
RUN yum install httpd php php-mysql
RUN yum -y install epel-release && yum -y install nginx-1.20.1
RUN yum install -y git && yum clean all
EXPOSE 80
CMD ["/usr/sbin/httpd", "-D", "FOREGROUND"]
