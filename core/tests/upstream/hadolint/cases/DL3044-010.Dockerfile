ENV PATH=/bla:${PATH}
