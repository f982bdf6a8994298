# syntax=docker/dockerfile:1.7
FROM python:3.12-slim AS base
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip pip install uvicorn
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install fastapi==0.110.0

FROM base AS test
RUN pip install pytest
COPY . .
RUN pytest

FROM base
COPY . .
CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]
