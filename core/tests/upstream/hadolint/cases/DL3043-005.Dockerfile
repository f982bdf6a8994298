ONBUILD USER anything
