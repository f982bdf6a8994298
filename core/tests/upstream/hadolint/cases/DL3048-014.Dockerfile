LABEL 1invalid="foo"
