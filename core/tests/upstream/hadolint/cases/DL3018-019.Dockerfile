RUN apk add \
--virtual build-dependencies \
python-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \
&& pip install -r requirements.txt \
&& python setup.py install \
&& apk del build-dependencies

