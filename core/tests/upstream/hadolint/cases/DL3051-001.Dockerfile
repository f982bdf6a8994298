LABEL emptylabel=""
