package com.walkrx.plan;

import java.time.Instant;

/** One entry of a plan's history: when, by whom ("WalkRx" for the system), what changed. */
public record PlanChangeView(long id, long planId, Instant at, String by, String summary) {
}
