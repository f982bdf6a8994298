# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
RUN Invoke-WebRequest -Uri https://aka.ms/vs/17/release/vc_redist.x64.exe -OutFile vc_redist.x64.exe ; `
    Start-Process vc_redist.x64.exe -ArgumentList '/install', '/quiet', '/norestart' -Wait ; `
    Remove-Item vc_redist.x64.exe
WORKDIR C:\app
COPY bin/Release/ .
ENTRYPOINT ["C:\\app\\Worker.exe"]
