RUN pipx install software
