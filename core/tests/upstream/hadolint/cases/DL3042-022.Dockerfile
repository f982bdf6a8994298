RUN PIP_NO_CACHE_DIR=on pip install MySQL_python
