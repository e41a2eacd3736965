/**
 * Red flags (red-flags.md): the see-a-doctor rules run on every check-in and on a schedule, flags with their
 * evidence, acknowledging and resolving, pausing the plan for URGENT and HIGH flags, and live alerts to
 * clinicians. Owns {@code flag} and {@code flag_evidence}.
 */
package com.walkrx.flag;
