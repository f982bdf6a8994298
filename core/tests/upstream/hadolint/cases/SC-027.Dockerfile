SHELL ["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "-noprofile", "-noninteractive", "-command"]
RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value

