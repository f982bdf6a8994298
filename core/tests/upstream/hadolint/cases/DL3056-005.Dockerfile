LABEL other="foo"
