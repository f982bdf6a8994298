ARG foo=bar
ARG another_foo
ENV bar=10 baz=20
RUN echo "$foo"
RUN echo "$another_foo"
RUN echo "$bar"
RUN echo "$baz"

