RUN ["foobar", "$f"]
