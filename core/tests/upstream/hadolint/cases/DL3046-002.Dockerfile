RUN useradd -u 12345 luser
