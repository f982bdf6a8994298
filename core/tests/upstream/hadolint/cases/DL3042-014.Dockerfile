ONBUILD Run pipx install software
