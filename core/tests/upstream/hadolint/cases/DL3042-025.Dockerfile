RUN export PIP_NO_CACHE_DIR=1 && pip install MySQL_python
