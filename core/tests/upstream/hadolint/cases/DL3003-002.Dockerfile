RUN cd /opt
