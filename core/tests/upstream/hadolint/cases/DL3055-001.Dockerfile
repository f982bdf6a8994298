LABEL githash="not-git-hash"
