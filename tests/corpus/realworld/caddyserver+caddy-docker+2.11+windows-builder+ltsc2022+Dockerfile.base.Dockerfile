FROM golang:1.26-windowsservercore-ltsc2022
