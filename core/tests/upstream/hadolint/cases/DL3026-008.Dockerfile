FROM foo.random.com/debian

