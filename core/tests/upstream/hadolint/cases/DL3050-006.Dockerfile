LABEL other="bar"
