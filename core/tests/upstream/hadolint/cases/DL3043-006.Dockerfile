ONBUILD LABEL bla="blubb"
