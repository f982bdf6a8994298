LABEL invalid..character="foo"
