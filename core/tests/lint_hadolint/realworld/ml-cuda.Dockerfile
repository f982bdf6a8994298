FROM nvidia/cuda:12.2.0-runtime-ubuntu22.04
ARG DEBIAN_FRONTEND=noninteractive
ARG HF_TOKEN
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip git \
    && rm -rf /var/lib/apt/lists/*
RUN pip3 install torch torchvision --index-url https://download.pytorch.org/whl/cu121
RUN pip3 install transformers==4.38.2 accelerate
RUN git clone https://github.com/example/model-server.git /opt/server && cd /opt/server && pip3 install -e .
WORKDIR /opt/server
ENV HUGGINGFACE_HUB_TOKEN=$HF_TOKEN
CMD python3 serve.py --port 8080
