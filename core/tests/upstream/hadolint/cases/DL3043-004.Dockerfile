ONBUILD ADD anything anywhere
