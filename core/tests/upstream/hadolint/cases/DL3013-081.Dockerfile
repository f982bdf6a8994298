RUN pipx install --python "$(which python)" "poetry==1.8.5"
