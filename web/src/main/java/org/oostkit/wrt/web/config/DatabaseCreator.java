package org.oostkit.wrt.web.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For the embedded run: creates the configured database if the server has no database of that name yet,
 * before anything connects to it. On ({@code wrt.database.create-if-missing}) by default.
 */
@Component
@ConditionalOnProperty(name = "wrt.database.create-if-missing", havingValue = "true", matchIfMissing = true)
class DatabaseCreator implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);
    private static final Pattern JDBC_URL = Pattern.compile("^jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?$");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof DataSourceProperties properties) {
            createIfMissing(properties.determineUrl(), properties.determineUsername(), properties.determinePassword());
        }
        return bean;
    }

    static void createIfMissing(String url, String user, String password) {
        Matcher m = url == null ? null : JDBC_URL.matcher(url);
        if (m == null || !m.matches()) {
            return;
        }
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (Connection ignored = DriverManager.getConnection(url, credentials)) {
            return; // exists
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // invalid_catalog_name: database does not exist
                return; // let the pool report the real problem
            }
        }
        String maintenance = "jdbc:postgresql://" + m.group(1) + "/postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection connection = DriverManager.getConnection(maintenance, credentials);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + m.group(2) + "\"");
            log.info("Created database {}", m.group(2));
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another instance was quicker
                log.warn("Could not create database {}: {}", m.group(2), e.getMessage());
            }
        }
    }
}
