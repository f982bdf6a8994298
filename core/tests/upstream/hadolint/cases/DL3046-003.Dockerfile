RUN useradd -l -u 123456 luser
