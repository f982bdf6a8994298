FROM debian:10
