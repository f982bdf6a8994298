LABEL other=""
