RUN zypper dup
