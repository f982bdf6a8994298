FROM foo:bar AS context
