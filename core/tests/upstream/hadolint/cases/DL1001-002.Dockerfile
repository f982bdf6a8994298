# hadolint shell=powershell
RUN foo bar

