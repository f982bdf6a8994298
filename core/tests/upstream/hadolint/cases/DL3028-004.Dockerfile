ONBUILD RUN gem i bundler:1
