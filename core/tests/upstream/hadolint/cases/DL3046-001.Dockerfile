RUN useradd luser
