ONBUILD RUN sudo apt-get update
