LABEL required="foo" other="bar"
