RUN useradd -u 123456 luser
