CMD /bin/true
