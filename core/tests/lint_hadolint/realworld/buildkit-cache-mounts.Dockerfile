# syntax=docker/dockerfile:1.7
FROM python:3.12-slim AS builder
USER root
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends build-essential=12.9
WORKDIR /build
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache \
    pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
RUN rm -f /etc/apt/apt.conf.d/docker-clean
RUN --mount=type=cache,target=/var/lib/apt \
    --mount=type=cache,target=/var/cache/apt \
    apt-get update && apt-get install -y --no-install-recommends libpq5=15.6-0+deb12u1
COPY --from=builder /wheels /wheels
RUN --mount=type=cache,target=/root/.cache pip install /wheels/*
RUN useradd -u 10001 app
USER 10001
WORKDIR /app
COPY . .
CMD ["python", "-m", "app"]
