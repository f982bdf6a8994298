RUN export PIP_NO_CACHE_DIR=0 && pip install MySQL_python
