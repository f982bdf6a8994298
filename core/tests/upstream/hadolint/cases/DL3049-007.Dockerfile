FROM stage1
FROM stage2

