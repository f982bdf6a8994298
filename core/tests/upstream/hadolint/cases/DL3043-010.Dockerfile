ONBUILD CMD anything
