ONBUILD RUN gem i bunlder:1 nokogiri
