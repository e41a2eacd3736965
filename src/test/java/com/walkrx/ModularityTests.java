package com.walkrx;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WalkRxApplication.class);

    @Test
    void modules_depend_only_on_what_they_may() {
        modules.verify();
    }
}
