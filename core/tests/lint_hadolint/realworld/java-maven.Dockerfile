FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre
RUN mkdir /app
COPY --from=build /build/target/*.jar /app/app.jar
RUN cd /app && ls -la
EXPOSE 8080 8443
ENTRYPOINT java -jar /app/app.jar
