COPY src.sh ${SRC_BASE_ENV}
