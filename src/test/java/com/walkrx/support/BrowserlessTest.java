package com.walkrx.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SpringTest}'s injections for the browserless UI tests of a {@link WalkRxTest}, which extend Vaadin's base
 * class: the server port, the test data builder, the settable clock and the database.
 */
public abstract class BrowserlessTest extends SpringBrowserlessTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestData data;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;
}
