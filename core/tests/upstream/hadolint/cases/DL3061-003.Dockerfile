FROM foo
LABEL foo=bar
