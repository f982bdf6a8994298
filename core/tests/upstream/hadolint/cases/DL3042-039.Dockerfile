RUN export PIP_NO_CACHE_DIR=no && pip install MySQL_python
