ONBUILD ARG anything
