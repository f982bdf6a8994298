RUN pip install MySQL_python==1.2.2 --no-cache-dir
