RUN apt-get update && sudo apt-get install
