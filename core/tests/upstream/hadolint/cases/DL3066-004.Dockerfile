USER foobar:barfoo
