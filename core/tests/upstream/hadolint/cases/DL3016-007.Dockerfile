RUN npm install @myorg/privatepackage@">=0.1.0"
