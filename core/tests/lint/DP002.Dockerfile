### catches: upper-case FROM with lower-case as
FROM golang:1.23 as build
### catches: lower-case from with upper-case AS
from golang:1.23 AS build
### passes: matching casing
FROM golang:1.23 AS build
from alpine:3.20 as run
### passes: a mixed-case From is ConsistentInstructionCasing's business
From golang:1.23 as build
