COPY packaged-app.tar /usr/src/app
WORKDIR /usr/src/app
RUN foo bar && echo something && tar -xf packaged-app.tar

