package com.walkrx.base;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo data is on for the embedded database unless WALKRX_DEMO says otherwise; with a configured
 * database server it is on only when WALKRX_DEMO=true.
 */
@Component
public class DemoMode {

    /** The password of every demo account, as the README lists it. */
    public static final String DEMO_PASSWORD = "walkrx-demo-2026";

    private final boolean enabled;

    DemoMode(Environment env) {
        String explicit = env.getProperty("walkrx.demo", "");
        if (!explicit.isBlank()) {
            enabled = Boolean.parseBoolean(explicit.trim());
        } else {
            String url = env.getProperty("spring.datasource.url", "");
            enabled = url.isBlank();
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
