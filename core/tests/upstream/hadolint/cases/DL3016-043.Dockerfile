RUN npm install @myorg/privatepackage
