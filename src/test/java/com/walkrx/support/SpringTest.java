package com.walkrx.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the {@link WalkRxTest} classes inject again and again: the server port, the test data builder, the
 * settable clock and the database. A test class extends this (browserless UI tests, which extend Vaadin's
 * base class, inject their own).
 */
public abstract class SpringTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestData data;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;
}
