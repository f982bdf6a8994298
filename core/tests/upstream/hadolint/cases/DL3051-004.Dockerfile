LABEL emptylabel="bar"
