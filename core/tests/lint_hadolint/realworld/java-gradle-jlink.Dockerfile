FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY gradlew .
COPY gradle gradle
COPY build.gradle settings.gradle ./
RUN ./gradlew dependencies --no-daemon
COPY src src
RUN ./gradlew bootJar --no-daemon && mkdir -p build/dependency && (cd build/dependency; jar -xf ../libs/*.jar)
RUN $JAVA_HOME/bin/jlink --add-modules java.base,java.logging --strip-debug --no-man-pages --no-header-files --compress=2 --output /javaruntime

FROM debian:bookworm-slim
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH "${JAVA_HOME}/bin:${PATH}"
COPY --from=build /javaruntime $JAVA_HOME
ARG DEPENDENCY=/workspace/build/dependency
COPY --from=build ${DEPENDENCY}/BOOT-INF/lib /app/lib
COPY --from=build ${DEPENDENCY}/META-INF /app/META-INF
COPY --from=build ${DEPENDENCY}/BOOT-INF/classes /app
RUN useradd --system --uid 1001 spring
USER spring
ENTRYPOINT ["java","-cp","app:app/lib/*","com.example.Application"]
