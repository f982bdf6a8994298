RUN export PIP_NO_CACHE_DIR=false && pip install MySQL_python
