/**
 * The outcome module's screens: the patient's {@link com.walkrx.outcome.ui.DueQuestionnaires} for the "today" page.
 */
@org.springframework.modulith.NamedInterface("ui")
package com.walkrx.outcome.ui;
