RUN pipenv install library
