# 前端构建：先用 Node 打包，再交给 Nginx 提供静态文件
FROM node:20-alpine AS build
WORKDIR /app

# 使用淘宝镜像，国内安装依赖更快
RUN npm config set registry https://registry.npmmirror.com

COPY package.json package-lock.json ./
RUN npm ci

COPY . .
ARG VITE_API_BASE=/api
RUN npm run build

FROM nginx:1.25-alpine
# 自定义配置：单页应用需要把所有路由回退到 index.html
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
