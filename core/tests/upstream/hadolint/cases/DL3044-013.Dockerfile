ENV BLA="blubb" BLUBB="${BLA}/blubb"
