RUN gem install bundler
