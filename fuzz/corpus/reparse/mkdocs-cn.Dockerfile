# 文档站点镜像：用 MkDocs Material 构建中文文档
FROM python:3.12-slim AS build
WORKDIR /docs
# 清华源，装包不再超时
RUN pip install --no-cache-dir -i https://pypi.tuna.tsinghua.edu.cn/simple \
    mkdocs-material==9.5.27 mkdocs-static-i18n jieba
COPY mkdocs.yml .
COPY docs/ docs/
# 中文搜索需要 jieba 分词
RUN mkdocs build --strict

FROM nginx:alpine
COPY --from=build /docs/site /usr/share/nginx/html
# 文档是纯静态的，用默认配置就够了
EXPOSE 80
