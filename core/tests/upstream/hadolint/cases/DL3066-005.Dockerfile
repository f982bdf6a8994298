ARG APP_UID
FROM foobar:barfoo
USER ${APP_UID}

