LABEL datelabel="not-date"
