RUN pip3 install --no-cache-dir MySQL_python
