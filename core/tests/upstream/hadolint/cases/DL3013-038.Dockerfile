ONBUILD RUN python -m pip install example==1.2.2
