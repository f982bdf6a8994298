LABEL githash="2dbfae9"
