FROM postgres:16-alpine
ENV POSTGRES_DB=shop \
    POSTGRES_USER=shop
# Scripts here run once, in name order, when the data directory is empty.
COPY ./db/init/*.sql /docker-entrypoint-initdb.d/
COPY ./db/postgresql.conf /etc/postgresql/postgresql.conf
CMD ["postgres", "-c", "config_file=/etc/postgresql/postgresql.conf"]
