RUN /foo.sh
# a comment
# another comment
RUN /bar.sh
