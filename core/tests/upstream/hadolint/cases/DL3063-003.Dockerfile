FROM foo:bar AS foobar
