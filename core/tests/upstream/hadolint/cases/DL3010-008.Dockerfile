COPY --from=builder /usr/local/share/some.tar /opt/some.tar
