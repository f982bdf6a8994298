ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"
