RUN pip3 install --root /opt/yamllint yamllint==1.20.0
