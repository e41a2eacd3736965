# Builds and runs the production jar (Vaadin production bundle, no dev tools).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pproduction
COPY src src
COPY frontend frontend
RUN ./mvnw -B -Pproduction -DskipTests package

FROM eclipse-temurin:25-jre
RUN useradd --system --home /app walkrx
WORKDIR /app
COPY --from=build /src/target/walkrx-*.jar /app/walkrx.jar
USER walkrx
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/walkrx.jar"]
