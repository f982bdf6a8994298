ENV BLA="blubb" BLUBB="$FOOBLA/blubb"
