/**
 * Walking plans: the three templates (walking-plans.md), assigning, editing, activating, pausing, resuming and
 * ending a plan, progression proposals (advance and step back) and the plan history, plus the patient's
 * today view. {@link com.walkrx.plan.PlanControl} is what the flag module may do to a plan without a clinician.
 * Owns {@code plan}, {@code plan_phase}, {@code plan_change} and {@code plan_proposal}; reads the check-in
 * tables for progression's facts.
 */
package com.walkrx.plan;
