package com.walkrx.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.WalkRxTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The driver server-prepares a statement after five runs (and PostgreSQL may then plan it generically);
 * through {@link CustomPlans} it never does, so every run is planned for its values.
 */
@WalkRxTest
class CustomPlansTest {

    static final String SQL = "select count(*) from patient where id > :min /* custom-plans-test %s */";

    @Autowired
    DataSource dataSource;

    @Test
    void statements_run_through_custom_plans_are_never_server_prepared() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcClient plain = JdbcClient.create(one);
            JdbcClient custom = CustomPlans.jdbcClient(one);
            for (int i = 0; i < 8; i++) {
                plain.sql(SQL.formatted("plain")).param("min", i).query(Long.class).single();
                custom.sql(SQL.formatted("custom")).param("min", i).query(Long.class).single();
            }
            assertThat(prepared(plain, "plain")).as("the driver's default: prepared after five runs").isEqualTo(1);
            assertThat(prepared(plain, "custom")).as("through CustomPlans").isZero();
        }
    }

    private static long prepared(JdbcClient jdbc, String marker) {
        return jdbc.sql("select count(*) from pg_prepared_statements where statement like :pattern")
                .param("pattern", "%custom-plans-test " + marker + " %")
                .query(Long.class).single();
    }
}
