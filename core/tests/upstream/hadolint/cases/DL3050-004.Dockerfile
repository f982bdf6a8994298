LABEL required="bar"
