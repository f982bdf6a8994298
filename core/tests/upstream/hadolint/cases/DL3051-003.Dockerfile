LABEL emptylabel="foo"
