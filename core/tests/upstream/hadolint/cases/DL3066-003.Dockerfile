USER foobar
