LABEL semver="1.0.0"
