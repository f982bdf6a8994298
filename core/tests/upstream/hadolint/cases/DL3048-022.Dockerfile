LABEL validlabel="foo"
