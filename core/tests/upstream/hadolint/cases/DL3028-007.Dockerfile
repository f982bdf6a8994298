RUN gem i bunlder:1 nokogirii:1
