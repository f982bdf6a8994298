RUN pip install https://foo.bar/baz.zip
