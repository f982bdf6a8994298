LABEL .invalid="foo"
