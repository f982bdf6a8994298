RUN zypper dist-upgrade
