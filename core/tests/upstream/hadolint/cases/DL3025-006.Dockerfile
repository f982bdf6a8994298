HEALTHCHECK CMD [ "foobar" ]

