LABEL invalid--character="foo"
