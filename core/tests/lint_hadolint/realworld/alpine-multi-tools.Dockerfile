FROM alpine:3.18 AS fetch
RUN apk add --no-cache curl=8.5.0-r0
RUN curl -sSL https://get.helm.sh/helm-v3.14.0-linux-amd64.tar.gz | tar -xz -C /tmp
RUN wget -qO /tmp/kubectl https://dl.k8s.io/release/v1.29.0/bin/linux/amd64/kubectl

FROM alpine:3.18
RUN apk --no-cache add bash git openssh-client
COPY --from=fetch /tmp/linux-amd64/helm /usr/local/bin/helm
COPY --from=fetch /tmp/kubectl /usr/local/bin/kubectl
RUN chmod +x /usr/local/bin/kubectl
ENTRYPOINT ["/bin/bash"]
