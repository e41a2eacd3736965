package com.walkrx.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two database roles: Flyway migrates as the schema owner, the app runs as a login that owns nothing.
 * Flyway's {@code afterMigrate.sql} grants the app's login (named here, from the app's own data source)
 * exactly what it needs. With a database server of the clinic's own (DB_URL), DB_OWNER_USERNAME and
 * DB_OWNER_PASSWORD name the owner; without them Flyway uses the app's login (which then owns the tables).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(DataSource dataSource) {
        String appRole = dataSource instanceof HikariDataSource hikari && hikari.getUsername() != null
                ? hikari.getUsername() : "";
        return flyway -> flyway.placeholders(Map.of("app_role", appRole));
    }

    @Bean(defaultCandidate = false)
    @FlywayDataSource
    @Conditional(ExternalOwnerCondition.class)
    DataSource externalOwnerDataSource(@Value("${spring.datasource.url}") String url,
                                       @Value("${walkrx.db.owner-username}") String username,
                                       @Value("${walkrx.db.owner-password:}") String password) {
        return new DriverManagerDataSource(url, username, password);
    }

    /** A database URL and an owner login are configured. */
    static class ExternalOwnerCondition implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return !env.getProperty("spring.datasource.url", "").isBlank()
                    && !env.getProperty("walkrx.db.owner-username", "").isBlank();
        }
    }
}
