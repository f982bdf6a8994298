LABEL spdxlabel="not-spdx"
