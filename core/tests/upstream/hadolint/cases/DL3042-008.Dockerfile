ONBUILD RUN pip2 install MySQL_python --no-cache-dir
