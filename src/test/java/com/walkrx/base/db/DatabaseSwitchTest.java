package com.walkrx.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SharedTestDatabase;
import com.walkrx.support.WalkRxTest;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** With DB_URL set (as the test harness does), the app uses that server and starts nothing embedded. */
@WalkRxTest
class DatabaseSwitchTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @Test
    void a_configured_database_url_is_used_and_no_embedded_server_starts() {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(SharedTestDatabase.jdbcUrl());
    }
}
