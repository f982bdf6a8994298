LABEL spdxlabel="MIT"
