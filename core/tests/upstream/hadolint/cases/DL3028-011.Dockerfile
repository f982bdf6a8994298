RUN gem install bundler:1
