/**
 * The plan module's screens: the clinician's {@link com.walkrx.plan.ui.PlanPanel} (for the patient chart and
 * the route {@code patients/:id/plan}) and the patient's {@code today} page.
 */
@org.springframework.modulith.NamedInterface("ui")
package com.walkrx.plan.ui;
