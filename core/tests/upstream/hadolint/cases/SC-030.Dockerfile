FROM mcr.microsoft.com/foo/bar/windows:10
# hadolint shell = powershell.exe
ONBUILD RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value

