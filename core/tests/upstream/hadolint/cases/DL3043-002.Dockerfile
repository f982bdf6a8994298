ONBUILD FROM debian:buster

