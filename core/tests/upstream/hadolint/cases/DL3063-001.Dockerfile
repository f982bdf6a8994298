FROM foo:bar AS scratch
