RUN gem install bundler --version '2.0.1'
