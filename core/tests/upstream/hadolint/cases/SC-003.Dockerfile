RUN echo foo
