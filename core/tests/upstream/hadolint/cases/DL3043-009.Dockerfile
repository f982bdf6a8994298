ONBUILD RUN anything
