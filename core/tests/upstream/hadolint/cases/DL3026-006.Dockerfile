FROM random.com/foo AS builder1
FROM builder1 AS builder2

