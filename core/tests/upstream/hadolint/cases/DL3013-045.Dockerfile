RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext
