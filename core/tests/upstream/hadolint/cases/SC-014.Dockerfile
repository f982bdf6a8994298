ARG foo=bar
ARG another_foo
ENV bar=10 baz=20
FROM debian
ONBUILD RUN echo "$foo"

