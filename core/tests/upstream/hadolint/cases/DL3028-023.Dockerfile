RUN gem install bundler:2.0.1 --use-system-libraries true
