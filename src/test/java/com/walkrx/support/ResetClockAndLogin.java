package com.walkrx.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every test of a {@link WalkRxTest}: the shared clock follows the real time again and nobody is logged
 * in on the test thread, so no test sees another's date or caller. Runs after the test's own
 * {@code @AfterEach} methods.
 */
public class ResetClockAndLogin implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(MutableClock.class).reset();
        SecurityContextHolder.clearContext();
    }
}
