ONBUILD RUN ln -sf /bin/true /sbin/initctl
