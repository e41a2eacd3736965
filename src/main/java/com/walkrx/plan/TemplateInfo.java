package com.walkrx.plan;

import java.util.List;

/** A plan template as a clinician picks it: name, summary, phases, whether it needs a surgeon's clearance. */
public record TemplateInfo(Template template, String name, String summary, List<PhaseView> phases,
                           boolean lockedUntilClearance) {
}
