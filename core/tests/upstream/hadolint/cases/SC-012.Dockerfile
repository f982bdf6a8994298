ARG foo=bar
ARG another_foo
ENV bar=10 baz=20
ONBUILD RUN echo "$foo"
ONBUILD RUN echo "$another_foo"
ONBUILD RUN echo "$bar"
ONBUILD RUN echo "$baz"

