FROM baseimage
