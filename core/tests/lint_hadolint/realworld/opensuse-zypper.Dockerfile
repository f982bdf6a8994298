FROM opensuse/leap:15.5
RUN zypper refresh && zypper install curl
RUN zypper -n install git-2.35.3 && zypper clean
RUN zypper dist-upgrade -y
RUN zypper --non-interactive in vim
