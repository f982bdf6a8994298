ONBUILD RUN echo "$HTTP_PROXY"
ONBUILD RUN echo "$http_proxy"
ONBUILD RUN echo "$HTTPS_PROXY"
ONBUILD RUN echo "$https_proxy"
ONBUILD RUN echo "$FTP_PROXY"
ONBUILD RUN echo "$ftp_proxy"
ONBUILD RUN echo "$NO_PROXY"
ONBUILD RUN echo "$no_proxy"

