package com.walkrx.base.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * How many idle connection buffers the server keeps. Every connection holds two 8 KB buffers; a
 * clinician's browser keeps three or four connections per tab open between requests, and Tomcat pools
 * the buffers of closed connections (500 by default), so idle browsers pinned about 55 KB of heap each
 * (bench/README.md, {@code session_kb}). Idle keep-alive connections close after
 * {@code server.tomcat.keep-alive-timeout} (application.properties); this keeps the buffer pool small.
 */
@Component
class TomcatConnections implements TomcatConnectorCustomizer {

    /** Buffers of closed connections kept for reuse (Tomcat's {@code socket.bufferPool}). */
    static final int BUFFER_POOL = 32;

    @Override
    public void customize(org.apache.catalina.connector.Connector connector) {
        connector.setProperty("socket.bufferPool", Integer.toString(BUFFER_POOL));
    }
}
