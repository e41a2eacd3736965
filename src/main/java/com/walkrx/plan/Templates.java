package com.walkrx.plan;

import com.walkrx.base.clinical.Surface;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates of walking-plans.md, read from {@code plans/templates.json}: their phases, the guidance
 * every patient sees with a prescription, and the "when to stop" wording. No template number lives in code.
 */
@Component
class Templates {

    static final String RESOURCE = "/plans/templates.json";

    record StepRule(Integer boost, int weeklyRise, int cap, String words) {
    }

    record PainGate(int maxPain, int checkIns) {
    }

    record PhaseSpec(int number, String weeks, int minDays, Integer walksPerDay, Integer walksPerWeek, int minutesMin,
                     int minutesMax, List<Surface> surfaces, String timing, StepRule step, String guidance,
                     PainGate painGate) {
    }

    record TemplateSpec(Template code, String name, String summary, List<PhaseSpec> phases, Template thenPhasesOf,
                        Template phasesOf, Boolean lockedUntilClearance, String extraGuidance) {
    }

    record Content(@JsonProperty("_source") String source, List<String> guidance, List<String> whenToStop,
                   List<TemplateSpec> templates) {
    }

    /** A template with its phases assembled (ACUTE = phase 0 + STANDARD; POST_SURGERY = STANDARD, locked). */
    record Assembled(Template template, String name, String summary, List<PhaseSpec> phases,
                     boolean lockedUntilClearance) {
    }

    private final Content content;
    private final Map<Template, Assembled> assembled = new EnumMap<>(Template.class);

    Templates() {
        try (InputStream in = Templates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            content = JsonMapper.builder().build().readValue(in, Content.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Template t : Template.values()) {
            assembled.put(t, assemble(t));
        }
    }

    private TemplateSpec spec(Template t) {
        return content.templates().stream().filter(s -> s.code() == t).findFirst()
                .orElseThrow(() -> new IllegalStateException("Template " + t + " missing in " + RESOURCE));
    }

    private Assembled assemble(Template t) {
        TemplateSpec spec = spec(t);
        List<PhaseSpec> phases = new ArrayList<>();
        if (spec.phasesOf() != null) {
            phases.addAll(spec(spec.phasesOf()).phases());
        }
        if (spec.phases() != null) {
            phases.addAll(spec.phases());
        }
        if (spec.thenPhasesOf() != null) {
            phases.addAll(spec(spec.thenPhasesOf()).phases());
        }
        if (spec.extraGuidance() != null && !spec.extraGuidance().isBlank()) {
            phases = phases.stream().map(p -> new PhaseSpec(p.number(), p.weeks(), p.minDays(), p.walksPerDay(),
                    p.walksPerWeek(), p.minutesMin(), p.minutesMax(), p.surfaces(), p.timing(), p.step(),
                    (spec.extraGuidance() + " " + p.guidance()).trim(), p.painGate())).toList();
        }
        if (phases.isEmpty()) {
            throw new IllegalStateException("Template " + t + " has no phases");
        }
        return new Assembled(t, spec.name(), spec.summary(), List.copyOf(phases),
                Boolean.TRUE.equals(spec.lockedUntilClearance()));
    }

    Assembled get(Template t) {
        return assembled.get(t);
    }

    /** Surfaces, posture, footwear and poles, discomfort, consistency: shown with every prescription. */
    List<String> guidance() {
        return content.guidance();
    }

    /** When to stop and seek help: the patient wording of the flags of red-flags.md. */
    List<String> whenToStop() {
        return content.whenToStop();
    }

    /** The step rule of a template phase, for plans whose phases came from it. */
    StepRule stepRule(Template t, int phaseNumber) {
        return get(t).phases().stream().filter(p -> p.number() == phaseNumber).map(PhaseSpec::step).findFirst()
                .orElse(null);
    }
}
