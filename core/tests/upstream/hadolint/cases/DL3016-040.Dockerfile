ONBUILD RUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"
