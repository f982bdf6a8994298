FROM scratch as build
RUN wget -O - https://some.site && wc -l file > /number

