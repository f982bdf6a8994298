LABEL urllabel="not-url"
