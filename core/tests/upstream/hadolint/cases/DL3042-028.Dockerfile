RUN export PIP_NO_CACHE_DIR=true && pip install MySQL_python
