LABEL -invalid="foo"
