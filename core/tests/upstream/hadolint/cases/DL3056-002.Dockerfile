LABEL semver="not-sem-ver"
