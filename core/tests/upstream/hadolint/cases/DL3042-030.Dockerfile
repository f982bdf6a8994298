ENV PIP_NO_CACHE_DIR=off
RUN pip install MySQL_python
