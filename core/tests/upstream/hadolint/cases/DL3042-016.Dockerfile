ONBUILD RUN pipenv install library
