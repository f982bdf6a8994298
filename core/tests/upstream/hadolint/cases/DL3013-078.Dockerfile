ONBUILD RUN pipenv install black
