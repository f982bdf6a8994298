ONBUILD RUN zypper dist-upgrade
