RUN ln -s foo bar && unrelated && something_with /bin/sh
