LABEL other="fooo"
