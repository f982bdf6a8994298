ONBUILD RUN python -m pip install --index-url url example
