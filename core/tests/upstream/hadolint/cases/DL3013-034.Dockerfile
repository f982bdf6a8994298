ONBUILD RUN pip3 install --target /opt/yamllint yamllint==1.20.0
