# 数据分析环境：Jupyter + 常用科学计算库
# 作者：数据平台组
FROM python:3.10-slim

# 设置时区为上海，日志时间才对得上
ENV TZ=Asia/Shanghai \
    LANG=C.UTF-8 \
    PIP_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple

# 换成阿里云的 Debian 源，并安装中文字体（matplotlib 画图要用）
RUN sed -i 's/deb.debian.org/mirrors.aliyun.com/g' /etc/apt/sources.list.d/debian.sources \
    && apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-cjk tzdata git \
    && ln -snf /usr/share/zoneinfo/$TZ /etc/localtime \
    && echo $TZ > /etc/timezone \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir \
        numpy==1.26.4 \
        pandas==2.2.2 \
        matplotlib==3.8.4 \
        scikit-learn==1.4.2 \
        jupyterlab==4.1.8

# 工作目录挂载到宿主机的 notebooks 文件夹
WORKDIR /home/jovyan/work
VOLUME ["/home/jovyan/work"]

EXPOSE 8888
# 注意：生产环境请设置 token，不要留空
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--no-browser", "--allow-root", "--NotebookApp.token="]
