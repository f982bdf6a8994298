# 第一阶段：编译
FROM golang:1.22-alpine AS builder

# 国内网络下拉取依赖太慢，走七牛的代理
ENV GO111MODULE=on \
    GOPROXY=https://goproxy.cn,direct \
    CGO_ENABLED=0

WORKDIR /build
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# -s -w 去掉调试信息，二进制能小一半
RUN go build -ldflags="-s -w" -o /build/api ./cmd/api

# 第二阶段：只放二进制和证书，镜像不到 20MB
FROM scratch
COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=builder /usr/share/zoneinfo/Asia/Shanghai /usr/share/zoneinfo/Asia/Shanghai
ENV TZ=Asia/Shanghai
COPY --from=builder /build/api /api
COPY configs/config.yaml /configs/config.yaml
EXPOSE 8888
ENTRYPOINT ["/api", "-f", "/configs/config.yaml"]
