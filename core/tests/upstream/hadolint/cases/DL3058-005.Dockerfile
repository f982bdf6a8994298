LABEL other="doo"
