use super::{Sample, SampleId, Variant};

const POM_XML: &str = r#"<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>hello</artifactId>
  <version>1.0.0</version>
  <packaging>jar</packaging>
  <properties>
    <maven.compiler.release>21</maven.compiler.release>
  </properties>
  <build>
    <finalName>app</finalName>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <version>3.4.1</version>
        <configuration>
          <archive><manifest><mainClass>com.example.App</mainClass></manifest></archive>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
"#;

const APP_JAVA: &str = r#"package com.example;

public class App {
    public static void main(String[] args) {
        System.out.println("Hello from Docker!");
    }
}
"#;

pub(super) static SAMPLE: Sample = Sample {
    id: SampleId::Java,
    before: Variant {
        dockerfile: r#"FROM maven:3.9-eclipse-temurin-21
WORKDIR /app
COPY . .
RUN mvn package
CMD ["java", "-jar", "target/app.jar"]
"#,
        files: &[("pom.xml", POM_XML), ("src/main/java/com/example/App.java", APP_JAVA)],
    },
    after: Variant {
        dockerfile: r#"FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /app
# Dependencies get their own layer, cached until pom.xml changes.
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

# The runtime needs a JRE, not Maven and a full JDK.
FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /app/target/app.jar ./app.jar
USER 1000
CMD ["java", "-jar", "app.jar"]
"#,
        files: &[
            ("pom.xml", POM_XML),
            ("src/main/java/com/example/App.java", APP_JAVA),
            (".dockerignore", "target/\n.git\n*.iml\n"),
        ],
    },
};
