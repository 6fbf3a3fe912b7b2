# Build: the whole reactor, tests skipped (CI runs them); run: the Spring Boot jar on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY command-side command-side
COPY query-side query-side
COPY web web
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 wrt
USER wrt
WORKDIR /app
COPY --from=build /src/web/target/wrt.jar /app/wrt.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/wrt.jar"]
