package com.walkrx.plan;

/** The plan templates of walking-plans.md; their phases live in {@code plans/templates.json}. */
public enum Template {
    STANDARD, ACUTE, POST_SURGERY
}
