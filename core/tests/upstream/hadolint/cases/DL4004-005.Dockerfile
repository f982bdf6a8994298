ENTRYPOINT /bin/true
