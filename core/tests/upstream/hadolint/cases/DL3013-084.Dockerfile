ONBUILD RUN pip install --no-cache-dir --root-user-action ignore poetry==1.8.5
