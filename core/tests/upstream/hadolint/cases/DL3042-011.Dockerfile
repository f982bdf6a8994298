RUN pip install MySQL_python --no-cache-dir
