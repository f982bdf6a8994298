RUN echo "$HTTP_PROXY"
RUN echo "$http_proxy"
RUN echo "$HTTPS_PROXY"
RUN echo "$https_proxy"
RUN echo "$FTP_PROXY"
RUN echo "$ftp_proxy"
RUN echo "$NO_PROXY"
RUN echo "$no_proxy"

