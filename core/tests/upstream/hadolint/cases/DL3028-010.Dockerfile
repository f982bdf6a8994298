ONBUILD RUN gem install bundler
