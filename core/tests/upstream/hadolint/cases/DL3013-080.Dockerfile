ONBUILD RUN pipx install black
