ONBUILD RUN pip install .
