RUN pip install --root-user-action=ignore mypkg
