/**
 * The audit trail: who read or changed which patient's data, when, and with what outcome. Every module records
 * through {@link com.walkrx.audit.AuditService}; only this module writes {@code audit_event}, and admins read
 * the trail on the audit screen.
 */
package com.walkrx.audit;
