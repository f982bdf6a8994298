ARG A=B
FROM foo
LABEL foo=bar
