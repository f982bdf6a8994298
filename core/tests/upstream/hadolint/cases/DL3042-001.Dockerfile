RUN pip2 install MySQL_python
