ENV PIP_NO_CACHE_DIR=no
RUN pip install MySQL_python
