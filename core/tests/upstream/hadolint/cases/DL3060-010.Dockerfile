RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar
