RUN export PIP_NO_CACHE_DIR=off && pip install MySQL_python
