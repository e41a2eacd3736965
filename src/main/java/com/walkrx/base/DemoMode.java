package com.walkrx.base;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo data (accounts with a published password) only when asked for: {@code WALKRX_DEMO=true}, which the
 * README's development run command ({@code ./mvnw spring-boot:run}, profile {@code dev}) sets by default.
 * A production jar, embedded database or not, has none.
 */
@Component
public class DemoMode {

    /** The password of every demo account, as the README lists it. */
    public static final String DEMO_PASSWORD = "walkrx-demo-2026";

    private final boolean enabled;

    DemoMode(Environment env) {
        enabled = Boolean.parseBoolean(env.getProperty("walkrx.demo", "false").trim());
    }

    public boolean enabled() {
        return enabled;
    }
}
