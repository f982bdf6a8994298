RUN npm install --registry https://example.com express
