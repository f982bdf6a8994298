FROM stage1
LABEL bar="baz"
FROM stage2
LABEL buzz="fuzz"

