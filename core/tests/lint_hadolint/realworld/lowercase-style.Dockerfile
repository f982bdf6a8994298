from python:3.10-alpine as base
run apk add --no-cache gcc musl-dev libffi-dev
workdir /src
copy requirements.txt .
run pip install --no-cache-dir -r requirements.txt
copy . .
expose 8000
cmd python -m http.server 8000
