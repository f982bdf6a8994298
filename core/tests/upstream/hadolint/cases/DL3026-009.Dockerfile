FROM ubuntu:18.04 AS builder1
FROM zemanlx/ubuntu:18.04 AS builder2
FROM docker.io/zemanlx/ubuntu:18.04 AS builder3

