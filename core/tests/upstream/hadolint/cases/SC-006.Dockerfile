ONBUILD RUN ["foobar", "$f"]
