FROM cypress/included:15.20.1@sha256:327d62ee6d1c9bd7b4b490bb2772c1b70d37d56647953a4ec3105a939b7c61ff

WORKDIR /app

COPY ./src/frontend .

RUN npm clean-install

ENTRYPOINT ["cypress", "run"]
