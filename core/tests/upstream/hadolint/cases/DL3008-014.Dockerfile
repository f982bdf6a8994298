ONBUILD RUN set -e &&\
 echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\
 apt-get update &&\
 apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\
 rm -rf /var/lib/apt/lists/*

