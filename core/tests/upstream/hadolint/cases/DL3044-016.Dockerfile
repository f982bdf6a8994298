ENV BLA="blubb" BLUBB="${BLA}"
