FROM scratch
USER foo

