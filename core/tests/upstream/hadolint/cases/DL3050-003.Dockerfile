LABEL required="foo"
