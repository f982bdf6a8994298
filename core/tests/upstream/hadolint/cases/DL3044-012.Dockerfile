ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}
