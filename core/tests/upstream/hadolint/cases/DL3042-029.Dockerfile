ENV PIP_NO_CACHE_DIR=0
RUN pip install MySQL_python
