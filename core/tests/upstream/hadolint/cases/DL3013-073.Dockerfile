RUN pip install pykafka -c http://foo.bar.baz
