LABEL -invalid ="foo"
