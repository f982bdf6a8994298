FROM debian:jessie AS builder
