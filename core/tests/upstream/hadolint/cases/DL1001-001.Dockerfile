# hadolint ignore=DL3003
RUN foo bar

