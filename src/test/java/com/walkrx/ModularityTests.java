package com.walkrx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WalkRxApplication.class);

    @Test
    void modules_depend_only_on_what_they_may() {
        modules.verify();
    }

    /**
     * Writes the module documentation (PlantUML component diagrams, one per module and one of the whole, and
     * the module canvases) to {@code target/spring-modulith-docs}: generated on every run, never committed.
     */
    @Test
    void writes_the_module_documentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
        assertThat(Files.isRegularFile(Path.of("target/spring-modulith-docs/module-plan.adoc"))).isTrue();
    }
}
