ONBUILD RUN zypper dup
