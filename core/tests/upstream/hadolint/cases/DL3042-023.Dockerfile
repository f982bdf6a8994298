RUN PIP_NO_CACHE_DIR=yes pip install MySQL_python
