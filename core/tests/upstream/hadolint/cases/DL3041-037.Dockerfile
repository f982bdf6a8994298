RUN dnf -y --setopt=group_package_types="mandatory" group install "Development Tools"
