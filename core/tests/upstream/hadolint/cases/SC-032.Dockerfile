# hadolint shell=powershell.exe
FROM mcr.microsoft.com/foo/bar/windows:10
ONBUILD RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value
FROM mcr.microsoft.com/foo/bar/windows:10
ONBUILD RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value

