ONBUILD RUN gem i bundler
