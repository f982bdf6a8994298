RUN pip3 install mypkg.whl
