FROM debian:buster
