ONBUILD RUN pip install foo/bar
