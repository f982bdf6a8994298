ONBUILD RUN pip install pykafka --constraint http://foo.bar.baz
