LABEL urllabel="http://example.com"
