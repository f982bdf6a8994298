RUN echo $RANDOM

