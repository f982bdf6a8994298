ONBUILD RUN npm install @myorg/privatepackage
