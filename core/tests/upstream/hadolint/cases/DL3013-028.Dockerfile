ONBUILD RUN pip3 install --build /opt/yamllint yamllint==1.20.0
