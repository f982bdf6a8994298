COPY packaged-app.tar /usr/src/app
RUN tar -xf /usr/src/app/packaged-app.tar

