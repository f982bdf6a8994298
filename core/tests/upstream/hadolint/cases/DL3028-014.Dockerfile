ONBUILD RUN gem install bundler -v '2.0.1'
