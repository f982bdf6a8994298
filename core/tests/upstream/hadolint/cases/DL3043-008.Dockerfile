ONBUILD COPY anything anywhere
