ONBUILD RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar
