SHELL ["cmd.exe", "/c"]
RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value

