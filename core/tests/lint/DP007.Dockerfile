### catches: shell-form CMD and ENTRYPOINT
FROM node:22-alpine
ENTRYPOINT node server.js
CMD npm start
### catches: a shell-form CMD with shell syntax gets no automatic fix
FROM alpine:3.20
CMD echo "$HOME" && sleep 1
### passes: exec form
FROM node:22-alpine
ENTRYPOINT ["node", "server.js"]
CMD ["npm", "start"]
### passes: the stage chose its shell
FROM mcr.microsoft.com/powershell:lts-alpine-3.20
SHELL ["pwsh", "-Command"]
CMD Write-Host hello
### passes: a base stage chose its shell
FROM alpine:3.20 AS base
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
FROM base
CMD echo hi
