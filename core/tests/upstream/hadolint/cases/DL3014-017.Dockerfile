RUN apt-get install -qq python
