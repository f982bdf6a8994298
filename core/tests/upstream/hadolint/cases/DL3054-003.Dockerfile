LABEL spdxlabel="BSD-3-Clause"
