LABEL invalid$character="foo"
