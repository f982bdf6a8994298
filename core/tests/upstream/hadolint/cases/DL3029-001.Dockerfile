FROM --platform=linux debian:jessie
