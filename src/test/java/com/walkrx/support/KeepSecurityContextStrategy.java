package com.walkrx.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For a test class that starts an application context of its own: starting the app replaces Spring Security's
 * JVM-wide context holder strategy (Vaadin sets it at start-up), while the shared test context's filters keep
 * using the one they were built with. This keeps the strategy from before the class and puts it back after it,
 * or {@code CurrentUser} would see nobody logged in on the API in every later test.
 */
public class KeepSecurityContextStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeepSecurityContextStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(SecurityContextHolderStrategy.class,
                SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolder.setContextHolderStrategy(context.getStore(NAMESPACE)
                .get(SecurityContextHolderStrategy.class, SecurityContextHolderStrategy.class));
    }
}
