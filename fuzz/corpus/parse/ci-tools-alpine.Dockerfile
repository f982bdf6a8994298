FROM alpine:3.20
ARG KUBECTL_VERSION=v1.30.2
ARG HELM_VERSION=v3.15.2
ARG TERRAFORM_VERSION=1.9.0
RUN apk add --no-cache bash curl git jq openssh-client python3 py3-pip unzip \
    && curl -fsSLo /usr/local/bin/kubectl "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/amd64/kubectl" \
    && chmod +x /usr/local/bin/kubectl \
    && curl -fsSL "https://get.helm.sh/helm-${HELM_VERSION}-linux-amd64.tar.gz" | tar -xz -C /tmp \
    && mv /tmp/linux-amd64/helm /usr/local/bin/helm \
    && curl -fsSLo /tmp/tf.zip "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/terraform_${TERRAFORM_VERSION}_linux_amd64.zip" \
    && unzip /tmp/tf.zip -d /usr/local/bin \
    && rm -rf /tmp/*
RUN pip install --no-cache-dir --break-system-packages ansible-core==2.17.1 yamllint
WORKDIR /work
ENTRYPOINT ["/bin/bash", "-c"]
