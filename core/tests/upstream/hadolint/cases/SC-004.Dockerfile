ONBUILD RUN echo foo
