RUN useradd -l luser
