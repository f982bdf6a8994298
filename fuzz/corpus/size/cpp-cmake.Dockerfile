FROM gcc:13 AS build
RUN apt-get update && apt-get install -y --no-install-recommends cmake ninja-build libboost-program-options-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt .
COPY src/ src/
COPY include/ include/
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
    && cmake --build build --parallel \
    && ctest --test-dir build --output-on-failure \
    && strip build/imgtool

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libboost-program-options1.74.0 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/build/imgtool /usr/local/bin/imgtool
ENTRYPOINT ["imgtool"]
CMD ["--help"]
