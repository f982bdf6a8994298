FROM ubuntu:20.04
ENV DEBIAN_FRONTEND noninteractive
RUN apt-get -qq update && apt-get -qq install -y curl git jq unzip zip > /dev/null
RUN curl "https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip" -o "awscliv2.zip" && unzip awscliv2.zip && ./aws/install && rm -rf aws awscliv2.zip
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs
RUN npm install -g yarn && yarn global add serverless@3.38.0
RUN pip install awscli-local
RUN echo "ci ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers && useradd -m ci
USER ci
WORKDIR /home/ci
