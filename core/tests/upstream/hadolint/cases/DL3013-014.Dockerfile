ONBUILD RUN pip install --requirement requirements.txt
