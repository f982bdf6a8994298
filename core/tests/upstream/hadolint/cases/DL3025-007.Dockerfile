CMD [ "/bin/sh", "-c", \
      "echo foo && \
       echo bar" \
    ]

