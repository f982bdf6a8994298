RUN npm install express@"4.1.1" sax@0.1.1
