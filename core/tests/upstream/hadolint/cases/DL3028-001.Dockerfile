RUN gem i bundler
