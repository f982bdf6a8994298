ENV BLA="blubb"
ENV BLUBB="${BLA}/blubb"
