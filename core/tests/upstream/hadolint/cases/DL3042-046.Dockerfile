ONBUILD RUN --mount=type=tmpfs,target=/root/.cache/pip pip install foobar
