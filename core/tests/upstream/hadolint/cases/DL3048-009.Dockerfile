LABEL .invalid ="foo"
