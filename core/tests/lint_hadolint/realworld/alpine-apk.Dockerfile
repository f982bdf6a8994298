FROM alpine:3.19
RUN apk add --no-cache python3 py3-pip
RUN apk add --update bash curl && rm -rf /var/cache/apk/*
RUN apk upgrade
RUN apk add --no-cache git=2.43.0-r0
RUN pip install --break-system-packages requests
RUN adduser -D app
USER app
WORKDIR /home/app
COPY --chown=app:app . .
CMD ["python3", "main.py"]
