SHELL ["cmd.exe", "/c"]
ONBUILD RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value

