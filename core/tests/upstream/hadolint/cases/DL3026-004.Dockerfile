FROM scratch

