ARG openai_api_key
FROM debian:bullseye
RUN foobar

