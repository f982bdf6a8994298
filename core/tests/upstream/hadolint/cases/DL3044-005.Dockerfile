ENV BLA="blubb" BLUBB="$BLAFOO/blubb"
