RUN python -m pip install example
