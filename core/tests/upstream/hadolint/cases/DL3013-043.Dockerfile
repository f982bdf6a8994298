RUN pip install git+ssh://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext
