LABEL semver="2.0.1-rc1"
